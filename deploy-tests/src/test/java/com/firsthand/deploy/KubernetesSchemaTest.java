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

/**
 * Both k8s/ overlays render, and every object validates against its schema: the core kinds against Kubernetes',
 * the custom resources against the CRD schemas their projects publish (KEDA, Strimzi, CloudNativePG, Gateway API,
 * Prometheus Operator, cert-manager).
 */
class KubernetesSchemaTest {

    /** API versions the validators model: every object of the overlays is one of them, and must validate. */
    private static final Set<String> MODELLED_API_VERSIONS = Set.of("v1", "apps/v1", "batch/v1", "policy/v1",
            "autoscaling/v2", "networking.k8s.io/v1", "keda.sh/v1alpha1", "kafka.strimzi.io/v1",
            "postgresql.cnpg.io/v1", "gateway.networking.k8s.io/v1", "monitoring.coreos.com/v1",
            "cert-manager.io/v1");

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
            } else if (!status.equals("valid")) {
                problems.add(object + " (" + result.path("apiVersion").asText() + ") was not validated: "
                        + result.path("errors"));
            } else if (!MODELLED_API_VERSIONS.contains(result.path("apiVersion").asText())) {
                problems.add(object + ": " + result.path("apiVersion").asText() + " is not listed as modelled");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(results).hasSize(manifests.all().size());
        assertThat(manifests.ofKind("Secret")).as("no secrets are committed").isEmpty();
    }

    @Test
    void theSchemaValidatorsRejectBrokenObjectsOfEveryModelledGroup() throws Exception {
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
                    ---
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaTopic
                    metadata:
                      name: broken
                    spec:
                      partitions: three
                    ---
                    apiVersion: postgresql.cnpg.io/v1
                    kind: Cluster
                    metadata:
                      name: broken
                    spec:
                      instances: three
                    ---
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoute
                    metadata:
                      name: broken
                    spec:
                      rules:
                        - matches:
                            - path: {type: Sideways, value: /v1}
                    ---
                    apiVersion: monitoring.coreos.com/v1
                    kind: PrometheusRule
                    metadata:
                      name: broken
                    spec:
                      groups:
                        - name: g
                          rules:
                            - alert: A
                              for: soon
                    ---
                    apiVersion: cert-manager.io/v1
                    kind: Certificate
                    metadata:
                      name: broken
                    spec:
                      isCA: maybe
                      dnsNames: firsthand-minio
                      issuerRef: {name: firsthand-internal-ca}
                    """);
            JsonNode results = Validators.kubernetes(List.of(broken));
            assertThat(results).extracting(r -> r.path("status").asText()).containsOnly("invalid").hasSize(7);
            assertThat(results.get(0).path("errors").toString()).contains("replicas").contains("containerPort");
            assertThat(results.get(1).path("errors").toString()).contains("maxReplicaCount").contains("lagThreshold");
            assertThat(results.get(2).path("errors").toString()).contains("partitions");
            assertThat(results.get(3).path("errors").toString()).contains("instances");
            assertThat(results.get(4).path("errors").toString()).contains("type");
            assertThat(results.get(5).path("errors").toString()).contains("expr").contains("for");
            assertThat(results.get(6).path("errors").toString()).contains("isCA").contains("dnsNames")
                    .contains("secretName");
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
