package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka trusts no one for being on the network: its only listener takes TLS and SCRAM, and each service logs in
 * as its own KafkaUser whose ACLs allow writing only the topics its code publishes and reading only those it
 * consumes (only jobs-service writes credential.changed, only scoring-service writes submission.scored).
 */
class KubernetesKafkaSecurityTest {

    static final Map<String, String> USERS = Map.of("jobs-service", "firsthand-jobs",
            "submissions-service", "firsthand-submissions", "scoring-service", "firsthand-scoring",
            "webhook-service", "firsthand-webhook");
    private static final String CA_SECRET = "firsthand-cluster-ca-cert";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyListenerRequiresTlsAndScramAndTheAclsAreEnforced(String overlay) {
        JsonNode kafka = Manifests.render(overlay).get("Kafka", "firsthand").path("spec");
        assertThat(kafka.path("kafka").path("listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener %s TLS", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("kafka").path("authorization").path("superUsers")).as("no super users").isEmpty();
        assertThat(kafka.path("entityOperator").has("userOperator")).as("KafkaUsers are reconciled").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceLogsInAsItsOwnUserAndTrustsTheClusterCa(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        int port = manifests.get("Kafka", "firsthand").path("spec").path("kafka").path("listeners").get(0)
                .path("port").asInt();
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> environment = Workloads.environment(manifests, name);
            String user = USERS.get(name);
            assertThat(manifests.get("KafkaUser", user).path("spec").path("authentication").path("type").asText())
                    .isEqualTo("scram-sha-512");
            assertThat(environment).as(name)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "firsthand-kafka-bootstrap:" + port)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + user + "/sasl.jaas.config")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_PASSWORD", "secret:" + CA_SECRET + "/ca.password");
            assertThat(mountedSecretFile(manifests, name, environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                    .as("%s truststore", name).isEqualTo(CA_SECRET + "/ca.p12");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachUserWritesOnlyWhatItsServicePublishesAndReadsOnlyWhatItConsumes(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (ServiceFacts service : Project.services()) {
            JsonNode acls = acls(manifests, USERS.get(service.name()));
            assertThat(topics(acls, "Write")).as("%s writes", service.name())
                    .isEqualTo(KafkaAccessSource.publishedTopics(service.name()));
            assertThat(topics(acls, "Read")).as("%s reads", service.name()).isEqualTo(service.consumedTopics());
            String group = service.consumerGroup() != null ? service.consumerGroup()
                    : service.properties().get("quarkus.application.name");
            assertThat(acls).as("%s group ACL", service.name()).anySatisfy(acl -> {
                assertThat(acl.path("resource").path("type").asText()).isEqualTo("group");
                assertThat(acl.path("resource").path("name").asText()).isEqualTo(group);
                assertThat(operations(acl)).contains("Read");
            });
            assertThat(acls).allSatisfy(acl -> {
                assertThat(acl.path("resource").path("type").asText()).isIn("topic", "group");
                assertThat(operations(acl)).isSubsetOf("Read", "Write", "Describe");
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    assertThat(acl.path("resource").path("patternType").asText("literal")).isEqualTo("literal");
                }
            });
        }
        assertThat(usersThat(manifests, "Write", "credential.changed")).containsExactly("firsthand-jobs");
        assertThat(usersThat(manifests, "Write", "submission.scored")).containsExactly("firsthand-scoring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kedaMeasuresLagOverTlsAsAUserThatCanOnlyDescribe(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode keda = manifests.get("KafkaUser", "firsthand-keda").path("spec");
        assertThat(keda.path("authorization").path("acls"))
                .allSatisfy(acl -> assertThat(operations(acl)).containsExactly("Describe"));
        String passwordSecret = keda.path("authentication").path("password").path("valueFrom").path("secretKeyRef")
                .path("name").asText();
        for (String name : List.of("scoring-service", "webhook-service")) {
            JsonNode trigger = Workloads.triggers(manifests, name, "kafka").get(0);
            assertThat(trigger.path("metadata").path("sasl").asText()).isEqualTo("scram_sha512");
            assertThat(trigger.path("metadata").path("tls").asText()).isEqualTo("enable");
            JsonNode auth = manifests.get("TriggerAuthentication",
                    trigger.path("authenticationRef").path("name").asText());
            Map<String, String> parameters = new HashMap<>();
            auth.path("spec").path("secretTargetRef").forEach(ref -> parameters.put(ref.path("parameter").asText(),
                    ref.path("name").asText() + "/" + ref.path("key").asText()));
            assertThat(parameters).containsEntry("password", passwordSecret + "/password")
                    .containsEntry("username", passwordSecret + "/username")
                    .containsEntry("ca", CA_SECRET + "/ca.crt");
            Set<String> described = topics(keda.path("authorization").path("acls"), "Describe");
            assertThat(described).containsAll(Project.service(name).consumedTopics());
        }
    }

    private static JsonNode acls(Manifests manifests, String user) {
        JsonNode spec = manifests.get("KafkaUser", user).path("spec");
        assertThat(spec.path("authorization").path("type").asText()).as("%s authorization", user).isEqualTo("simple");
        return spec.path("authorization").path("acls");
    }

    private static Set<String> topics(JsonNode acls, String operation) {
        Set<String> topics = new TreeSet<>();
        acls.forEach(acl -> {
            if (acl.path("resource").path("type").asText().equals("topic") && operations(acl).contains(operation)) {
                topics.add(acl.path("resource").path("name").asText());
            }
        });
        return topics;
    }

    private static List<String> operations(JsonNode acl) {
        List<String> operations = new ArrayList<>();
        acl.path("operations").forEach(operation -> operations.add(operation.asText()));
        if (acl.has("operation")) {
            operations.add(acl.path("operation").asText());
        }
        return operations;
    }

    private static List<String> usersThat(Manifests manifests, String operation, String topic) {
        Predicate<JsonNode> allows = user -> topics(user.path("spec").path("authorization").path("acls"), operation)
                .contains(topic) || user.path("spec").path("authorization").path("acls").findValues("name").stream()
                .anyMatch(n -> n.asText().equals("*"));
        return manifests.ofKind("KafkaUser").filter(allows).map(u -> u.path("metadata").path("name").asText())
                .toList();
    }

    /** "SECRET/KEY" of the secret volume item mounted at a file path of the service's container. */
    private static String mountedSecretFile(Manifests manifests, String service, String file) {
        assertThat(file).as("%s KAFKA_SSL_TRUSTSTORE_LOCATION", service).isNotBlank();
        Path path = Path.of(file);
        JsonNode container = Workloads.container(manifests, service);
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!path.getParent().equals(Path.of(mount.path("mountPath").asText()))) {
                continue;
            }
            for (JsonNode volume : Workloads.podSpec(manifests, service).path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (volume.path("name").asText().equals(mount.path("name").asText()) && !secret.isMissingNode()) {
                    for (JsonNode item : secret.path("items")) {
                        if (item.path("path").asText().equals(path.getFileName().toString())) {
                            return secret.path("secretName").asText() + "/" + item.path("key").asText();
                        }
                    }
                }
            }
        }
        return "nothing mounted at " + file;
    }
}
