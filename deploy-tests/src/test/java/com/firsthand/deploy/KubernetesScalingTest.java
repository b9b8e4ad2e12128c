package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Disruption budgets and autoscalers, and KEDA triggers that measure what each consumer does. */
class KubernetesScalingTest {

    private static final Pattern QUERY_TABLE = Pattern.compile("(?i)\\bFROM\\s+(\\w+)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetAndExactlyOneAutoscaler(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String name : Project.SERVICE_NAMES) {
            JsonNode labels = Workloads.podLabels(manifests, name);
            assertThat(manifests.ofKind("PodDisruptionBudget")
                    .filter(pdb -> Workloads.selects(pdb.path("spec").path("selector").path("matchLabels"), labels)))
                    .as("PodDisruptionBudget of %s", name).hasSize(1);
            long hpas = manifests.ofKind("HorizontalPodAutoscaler")
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(name)).count();
            long scaledObjects = manifests.ofKind("ScaledObject")
                    .filter(s -> s.path("spec").path("scaleTargetRef").path("name").asText().equals(name)).count();
            assertThat(hpas + scaledObjects).as("autoscalers of %s (KEDA owns the HPA it creates)", name)
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aDeploymentAnAutoscalerOwnsDeclaresNoReplicasThatAnApplyWouldResetTo(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<String> scaled = Stream.concat(manifests.ofKind("HorizontalPodAutoscaler"),
                manifests.ofKind("ScaledObject")).map(a -> a.path("spec").path("scaleTargetRef").path("name").asText())
                .toList();
        assertThat(scaled).as("autoscaled deployments").contains("firsthand-gateway")
                .containsAll(Project.SERVICE_NAMES);
        for (String name : scaled) {
            assertThat(manifests.get("Deployment", name).path("spec").has("replicas"))
                    .as("%s sets spec.replicas although an autoscaler owns it", name).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConnectionPoolsOfEveryReplicaTheAutoscalersMayRunFitInPostgresWithRoomToSpare(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        int connections = 0;
        for (String name : Project.SERVICE_NAMES) {
            String poolSize = Workloads.environment(manifests, name).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertThat(poolSize).as("%s sets its pool size (the default, 20, is not a budget)", name).isNotNull();
            connections += Workloads.maximumReplicas(manifests, name) * Integer.parseInt(poolSize);
        }
        int maxConnections = manifests.get("Cluster", Workloads.postgresCluster(manifests)).path("spec")
                .path("postgresql").path("parameters").path("max_connections").asInt();
        assertThat(connections).as("pooled connections at the autoscalers' maximum, within 80 %% of max_connections"
                + " (%d): the rest is for the operator, replication, KEDA's queries and migrations", maxConnections)
                .isLessThanOrEqualTo(maxConnections * 8 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleOnTheirOwnConsumerGroupsLag(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String bootstrap = Workloads.environment(manifests, "jobs-service").get("KAFKA_BOOTSTRAP_SERVERS");
        for (String name : List.of("scoring-service", "webhook-service")) {
            ServiceFacts service = Project.service(name);
            List<JsonNode> kafka = Workloads.triggers(manifests, name, "kafka");
            assertThat(kafka).as("kafka triggers of %s", name).hasSize(1);
            JsonNode trigger = kafka.get(0).path("metadata");
            assertThat(service.consumerGroup()).as("%s kafka.group.id", name).isNotBlank();
            assertThat(trigger.path("consumerGroup").asText()).isEqualTo(service.consumerGroup());
            assertThat(trigger.path("bootstrapServers").asText())
                    .as("%s: KEDA resolves the broker from its own namespace, so the name is qualified", name)
                    .isEqualTo(qualified(bootstrap, namespaceOf(manifests, name)));
            if (trigger.has("topic")) {
                assertThat(service.consumedTopics()).contains(trigger.path("topic").asText());
            }
            int maxReplicas = manifests.get("ScaledObject", name).path("spec").path("maxReplicaCount").asInt();
            for (String topic : service.consumedTopics()) {
                int partitions = Workloads.kafkaTopic(manifests, topic).path("spec").path("partitions").asInt();
                assertThat(maxReplicas).as("%s replicas beyond the partitions of %s would idle", name, topic)
                        .isLessThanOrEqualTo(partitions);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void queueTriggersCountTheServicesOwnTablesWithItsOwnRole(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String name : List.of("scoring-service", "webhook-service")) {
            ServiceFacts service = Project.service(name);
            List<JsonNode> postgres = Workloads.triggers(manifests, name, "postgresql");
            assertThat(postgres).as("postgresql triggers of %s", name).hasSize(1);
            JsonNode metadata = postgres.get(0).path("metadata");
            assertThat(metadata.path("host").asText())
                    .as("%s: KEDA resolves the database from its own namespace, so the name is qualified", name)
                    .isEqualTo(qualified(Workloads.postgresCluster(manifests) + "-rw", namespaceOf(manifests, name)));
            assertThat(metadata.path("dbName").asText()).isEqualTo(service.database());
            assertThat(metadata.path("userName").asText())
                    .isEqualTo(Workloads.database(manifests, service.database()).path("spec").path("owner").asText());
            Matcher table = QUERY_TABLE.matcher(metadata.path("query").asText());
            assertThat(table.find()).as("%s trigger query names a table", name).isTrue();
            assertThat(Workloads.migrations(name)).as("%s migrations create the table its trigger counts", name)
                    .containsPattern("(?i)CREATE TABLE\\s+" + table.group(1) + "\\s*\\(");
            JsonNode auth = manifests.get("TriggerAuthentication",
                    postgres.get(0).path("authenticationRef").path("name").asText());
            JsonNode password = auth.path("spec").path("secretTargetRef").get(0);
            assertThat(password.path("parameter").asText()).isEqualTo("password");
            assertThat("secret:" + password.path("name").asText() + "/" + password.path("key").asText())
                    .isEqualTo(Workloads.environment(manifests, name).get("QUARKUS_DATASOURCE_PASSWORD"));
        }
    }

    private static String namespaceOf(Manifests manifests, String scaledObject) {
        String namespace = manifests.get("ScaledObject", scaledObject).path("metadata").path("namespace").asText();
        assertThat(namespace).as("namespace of the ScaledObject %s", scaledObject).isNotBlank();
        return namespace;
    }

    /** {@code host[:port]} as a name that resolves from any namespace. */
    private static String qualified(String hostAndPort, String namespace) {
        int colon = hostAndPort.indexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        String port = colon < 0 ? "" : hostAndPort.substring(colon);
        return host + "." + namespace + ".svc" + port;
    }
}
