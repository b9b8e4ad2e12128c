package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both k8s/ overlays render, and their core and KEDA objects validate against their schemas. */
class KubernetesSchemaTest {

    /** API versions the validators model (Kubernetes core and KEDA): their objects must validate, not be skipped. */
    private static final Set<String> MODELLED_API_VERSIONS = Set.of("v1", "apps/v1", "batch/v1", "policy/v1",
            "autoscaling/v2", "networking.k8s.io/v1", "keda.sh/v1alpha1");
    /**
     * Custom resources without a schema here (Strimzi, CloudNativePG, Gateway API, Prometheus Operator): the other
     * tests check them.
     */
    private static final Set<String> UNMODELLED_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
            "Cluster", "Database", "ScheduledBackup", "Gateway", "HTTPRoute", "PodMonitor", "PrometheusRule");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void coreObjectsValidateAgainstTheKubernetesSchemas(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode results = Validators.kubernetes(List.of(manifests.file()));
        List<String> problems = new ArrayList<>();
        results.forEach(result -> {
            String object = result.path("kind").asText() + "/" + result.path("name").asText();
            String status = result.path("status").asText();
            if (status.equals("invalid")) {
                problems.add(object + ": " + result.path("errors"));
            } else if (status.equals("skipped") && (MODELLED_API_VERSIONS.contains(result.path("apiVersion").asText())
                    || !UNMODELLED_KINDS.contains(result.path("kind").asText()))) {
                problems.add(object + " (" + result.path("apiVersion").asText() + ") was not validated");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(results).hasSize(manifests.all().size());
        assertThat(manifests.ofKind("Secret")).as("no secrets are committed").isEmpty();
    }

    @Test
    void theSchemaValidatorRejectsBrokenObjects() throws Exception {
        Path broken = Files.createTempFile("broken", ".yaml");
        try {
            Files.writeString(broken, """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: broken
                    spec:
                      replicas: two
                      selector:
                        matchLabels: {app: x}
                      template:
                        spec:
                          containers:
                            - name: x
                              image: x
                              ports:
                                - containerPort: http
                    ---
                    apiVersion: keda.sh/v1alpha1
                    kind: ScaledObject
                    metadata:
                      name: broken
                    spec:
                      scaleTargetRef: {name: broken}
                      maxReplicaCount: ten
                      triggers:
                        - type: kafka
                          metadata: {lagThreshold: 50}
                    """);
            JsonNode results = Validators.kubernetes(List.of(broken));
            assertThat(results).extracting(r -> r.path("status").asText()).containsExactly("invalid", "invalid");
            assertThat(results.get(0).path("errors").toString()).contains("replicas").contains("containerPort");
            assertThat(results.get(1).path("errors").toString()).contains("maxReplicaCount").contains("lagThreshold");
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
