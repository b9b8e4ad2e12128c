package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kafka (Strimzi), PostgreSQL (CloudNativePG) and MinIO as the services expect them, sized per overlay. */
class KubernetesEnginesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicHasAKafkaTopicWithPartitionsAndRetention(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        TopicsSource topics = TopicsSource.read();
        assertThat(topics.all()).isNotEmpty();
        int brokers = Workloads.brokers(manifests);
        JsonNode kafkaConfig = manifests.get("Kafka", "firsthand").path("spec").path("kafka").path("config");
        int minInSync = kafkaConfig.path("min.insync.replicas").asInt(1);
        for (String topic : topics.all()) {
            JsonNode resource = Workloads.kafkaTopic(manifests, topic);
            JsonNode spec = resource.path("spec");
            assertThat(resource.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo("firsthand");
            assertThat(spec.path("partitions").asInt()).as("%s partitions", topic).isPositive();
            assertThat(spec.path("replicas").asInt()).as("%s replicas", topic).isBetween(1, brokers);
            assertThat(spec.path("replicas").asInt()).as("%s replicas >= min.insync.replicas", topic)
                    .isGreaterThanOrEqualTo(minInSync);
            assertThat(spec.path("config").has("retention.ms")).as("%s retention", topic).isTrue();
            String policy = topics.compacted().contains(topic) ? "compact" : "delete";
            assertThat(spec.path("config").path("cleanup.policy").asText()).as("%s cleanup.policy", topic)
                    .isEqualTo(policy);
        }
        assertThat(manifests.ofKind("KafkaTopic").map(t -> t.path("spec").path("topicName").asText()).toList())
                .as("no KafkaTopic for a topic the code does not use")
                .containsExactlyInAnyOrderElementsOf(topics.all());
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            assertThat(kafkaConfig.path(key).asInt()).as(key).isBetween(1, brokers);
        }
        for (String name : Project.SERVICE_NAMES) {
            assertThat(Workloads.environment(manifests, name).get("FIRSTHAND_KAFKA_PROVISION_TOPICS"))
                    .as("%s leaves the topics to Strimzi", name).isEqualTo("false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftModeAndServicesUseItsBootstrapService(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode kafka = manifests.get("Kafka", "firsthand");
        JsonNode annotations = kafka.path("metadata").path("annotations");
        assertThat(annotations.path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(annotations.path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        assertThat(kafka.path("spec").path("entityOperator").has("topicOperator")).isTrue();
        Set<String> roles = new TreeSet<>();
        manifests.ofKind("KafkaNodePool")
                .forEach(pool -> pool.path("spec").path("roles").forEach(r -> roles.add(r.asText())));
        assertThat(roles).containsExactlyInAnyOrder("controller", "broker");
        JsonNode listeners = kafka.path("spec").path("kafka").path("listeners");
        assertThat(listeners).as("one client listener (KubernetesKafkaSecurityTest checks its security)").hasSize(1);
        assertThat(listeners.get(0).path("type").asText()).isEqualTo("internal");
        for (String name : Project.SERVICE_NAMES) {
            assertThat(Workloads.environment(manifests, name).get("KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo("firsthand-kafka-bootstrap:" + listeners.get(0).path("port").asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceHasItsOwnDatabaseAndRoleInThePostgresCluster(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String cluster = Workloads.postgresCluster(manifests);
        Map<String, String> rolePasswordSecrets = new LinkedHashMap<>();
        manifests.get("Cluster", cluster).path("spec").path("managed").path("roles").forEach(role -> rolePasswordSecrets
                .put(role.path("name").asText(), role.path("passwordSecret").path("name").asText()));
        for (ServiceFacts service : Project.services()) {
            Map<String, String> environment = Workloads.environment(manifests, service.name());
            String url = environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).startsWith("jdbc:postgresql://" + cluster + "-rw:5432/");
            assertThat(ServiceFacts.databaseOf(url)).isEqualTo(service.database());
            JsonNode database = Workloads.database(manifests, service.database());
            assertThat(database.path("spec").path("cluster").path("name").asText()).isEqualTo(cluster);
            String owner = database.path("spec").path("owner").asText();
            String secret = rolePasswordSecrets.get(owner);
            assertThat(secret).as("managed role %s", owner).isNotNull();
            assertThat(environment.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo("secret:" + secret + "/username");
            assertThat(environment.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("secret:" + secret + "/password");
        }
        assertThat(rolePasswordSecrets.values()).as("one role and secret per service").doesNotHaveDuplicates()
                .hasSize(Project.SERVICE_NAMES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theObjectStoreItsBucketAndUsersMatchTheServicesUsingIt(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode minioService = manifests.get("Service", "firsthand-minio");
        JsonNode mc = manifests.get("Job", "firsthand-minio-bucket").path("spec").path("template").path("spec")
                .path("containers").get(0);
        Map<String, String> jobEnvironment = PodEnvironment.of(mc, manifests);
        List<String> users = new ArrayList<>();
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> environment = Workloads.environment(manifests, name);
            boolean readsProperties = ConfigKeys.of(name).properties().contains("quarkus.minio.host");
            assertThat(environment.containsKey("QUARKUS_MINIO_HOST")).as("%s uses the object store", name)
                    .isEqualTo(readsProperties);
            if (!readsProperties) {
                continue;
            }
            // TLS in prod only (KubernetesMinioTlsTest).
            assertThat(environment.get("QUARKUS_MINIO_HOST")).isEqualTo(minioScheme(overlay) + "://firsthand-minio");
            assertThat(environment.get("QUARKUS_MINIO_PORT"))
                    .isEqualTo(minioService.path("spec").path("ports").get(0).path("port").asText());
            String accessKey = environment.get("QUARKUS_MINIO_ACCESS_KEY");
            assertThat(accessKey).as("%s access key", name).matches("secret:firsthand-minio-[a-z]+/access-key");
            assertThat(environment.get("QUARKUS_MINIO_SECRET_KEY"))
                    .isEqualTo(accessKey.replace("/access-key", "/secret-key"));
            assertThat(jobEnvironment).as("the bucket Job creates the MinIO user of %s", name).containsValue(accessKey);
            users.add(accessKey);
        }
        assertThat(users).as("each service its own MinIO user").isNotEmpty().doesNotHaveDuplicates();
        String bucket = jobEnvironment.get("BUCKET");
        assertThat(bucket).isEqualTo(Workloads.environment(manifests, "submissions-service")
                .get("FIRSTHAND_STORAGE_BUCKET"));
        assertThat(mc.path("args").toString()).contains("mc mb --ignore-existing");
        assertThat(jobEnvironment.get("MINIO_URL")).as("the bucket Job's alias")
                .isEqualTo(minioScheme(overlay) + "://firsthand-minio:" + minioService.path("spec").path("ports").get(0)
                        .path("port").asText());
        assertThat(manifests.get("ConfigMap", "firsthand-minio-policy").path("data").toString())
                .contains("arn:aws:s3:::" + bucket + "/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlaysSizeTheEngines(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        int brokers = Workloads.brokers(manifests);
        int postgres = manifests.get("Cluster", Workloads.postgresCluster(manifests)).path("spec").path("instances")
                .asInt();
        JsonNode minio = manifests.get("StatefulSet", "firsthand-minio").path("spec");
        int minioNodes = minio.path("replicas").asInt();
        // A service's floor is its autoscaler's minimum: the Deployment leaves spec.replicas to it.
        List<Integer> services = Project.SERVICE_NAMES.stream()
                .map(name -> Workloads.minimumReplicas(manifests, name)).toList();
        if (overlay.equals("dev")) {
            assertThat(List.of(brokers, postgres, minioNodes)).containsOnly(1);
            assertThat(services).containsOnly(1);
        } else {
            assertThat(brokers).isGreaterThanOrEqualTo(3);
            assertThat(postgres).isGreaterThanOrEqualTo(3);
            assertThat(minioNodes).isGreaterThanOrEqualTo(4);
            assertThat(minioNodes % 4).as("MinIO erasure sets need a multiple of 4 drives").isZero();
            assertThat(services).allSatisfy(replicas -> assertThat(replicas).isGreaterThanOrEqualTo(2));
            manifests.ofKind("HorizontalPodAutoscaler").forEach(h -> assertThat(h.path("spec").path("minReplicas")
                    .asInt()).isGreaterThanOrEqualTo(2));
            manifests.ofKind("ScaledObject").forEach(s -> assertThat(s.path("spec").path("minReplicaCount")
                    .asInt()).isGreaterThanOrEqualTo(2));
        }
        String drives = minio.path("template").path("spec").path("containers").get(0).path("args").get(1).asText();
        assertThat(drives).isEqualTo(minioNodes == 1 ? "/data"
                : minioScheme(overlay) + "://firsthand-minio-{0..." + (minioNodes - 1) + "}.firsthand-minio-hl/data");
    }

    private static String minioScheme(String overlay) {
        return overlay.equals("prod") ? "https" : "http";
    }
}
