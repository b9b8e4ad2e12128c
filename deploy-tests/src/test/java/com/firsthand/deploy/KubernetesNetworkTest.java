package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public entry (HTTPRoute to the nginx gateway) and the NetworkPolicy in front of the services. */
class KubernetesNetworkTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayReachesTheServicesHttpPorts(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode gatewayLabels = Workloads.podLabels(manifests, "firsthand-gateway");
        for (ServiceFacts service : Project.services()) {
            JsonNode labels = Workloads.podLabels(manifests, service.name());
            List<JsonNode> policies = manifests.ofKind("NetworkPolicy")
                    .filter(p -> Workloads.selects(p.path("spec").path("podSelector").path("matchLabels"), labels))
                    .filter(p -> p.path("spec").path("policyTypes").toString().contains("Ingress"))
                    .toList();
            assertThat(policies).as("NetworkPolicies of %s", service.name()).isNotEmpty();
            boolean gatewayAllowed = false;
            for (JsonNode policy : policies) {
                assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress");
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    assertThat(rule.has("from")).as("a rule without from admits everyone").isTrue();
                    boolean toHttpPort = false;
                    for (JsonNode port : rule.path("ports")) {
                        toHttpPort |= port.path("port").asInt() == service.port();
                    }
                    for (JsonNode peer : rule.path("from")) {
                        boolean gateway = !peer.has("namespaceSelector") && !peer.has("ipBlock")
                                && Workloads.selects(peer.path("podSelector").path("matchLabels"), gatewayLabels);
                        assertThat(gateway || isPrometheus(peer)).as("%s admits %s", service.name(), peer).isTrue();
                        gatewayAllowed |= gateway && toHttpPort;
                    }
                }
            }
            assertThat(gatewayAllowed).as("the gateway reaches %s:%d", service.name(), service.port()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHttpRouteSendsTheApiToTheGatewayWhichRoutesLikeTheLauncher(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode route = manifests.get("HTTPRoute", "firsthand-api");
        List<String> matches = new ArrayList<>();
        route.path("spec").path("rules").forEach(rule -> {
            assertThat(rule.path("backendRefs").get(0).path("name").asText()).isEqualTo("firsthand-gateway");
            assertThat(rule.path("backendRefs").get(0).path("port").asInt()).isEqualTo(8080);
            rule.path("matches").forEach(m -> matches.add((m.path("method").asText("") + " "
                    + m.path("path").path("type").asText() + " " + m.path("path").path("value").asText()).trim()));
        });
        assertThat(matches).as("the public routes: the API, uploads with their own timeout, the API description and "
                + "its page; /admin stays inside").containsExactlyInAnyOrder("PathPrefix /v1",
                "POST PathPrefix /v1/worker/jobs/", "Exact /openapi.json", "Exact /openapi.yaml", "PathPrefix /docs");
        assertThat(timeout(route, "/v1/worker/jobs/")).isGreaterThan(timeout(route, "/v1"));
        String parent = route.path("spec").path("parentRefs").get(0).path("name").asText();
        assertThat(manifests.find("Gateway", parent)).isPresent();
        JsonNode gatewayService = manifests.get("Service", "firsthand-gateway");
        assertThat(gatewayService.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
        JsonNode nginx = Workloads.podSpec(manifests, "firsthand-gateway").path("containers").get(0);
        assertThat(nginx.path("image").asText()).as("the image whose nginx.conf GatewayRoutingTest checks")
                .contains(GatewayImage.NAME + ":");
        nginx.path("volumeMounts").forEach(mount -> assertThat(mount.path("mountPath").asText())
                .as("the image's own nginx.conf and description").doesNotStartWith("/etc/nginx")
                .doesNotStartWith(GatewayImage.siteRoot()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void signedDownloadLinksPointAtAHostThatReachesTheObjectStore(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String publicUrl = Workloads.environment(manifests, "submissions-service").get("FIRSTHAND_STORAGE_PUBLIC_URL");
        assertThat(publicUrl).as("FIRSTHAND_STORAGE_PUBLIC_URL of %s", overlay).isNotBlank();
        URI uri = URI.create(publicUrl);
        if (uri.getHost().equals("localhost")) {
            assertThat(uri.getPort()).as("port-forward of firsthand-minio").isEqualTo(9000);
            return;
        }
        JsonNode route = manifests.ofKind("HTTPRoute")
                .filter(r -> r.path("spec").path("hostnames").toString().contains("\"" + uri.getHost() + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no HTTPRoute for " + uri.getHost()));
        JsonNode backend = route.path("spec").path("rules").get(0).path("backendRefs").get(0);
        assertThat(backend.path("name").asText()).isEqualTo("firsthand-minio");
        assertThat(backend.path("port").asInt()).isEqualTo(9000);
        String listener = route.path("spec").path("parentRefs").get(0).path("sectionName").asText();
        JsonNode gateway = manifests.get("Gateway", route.path("spec").path("parentRefs").get(0).path("name").asText());
        List<String> hosts = new ArrayList<>();
        gateway.path("spec").path("listeners").forEach(l -> {
            if (l.path("name").asText().equals(listener)) {
                hosts.add(l.path("hostname").asText() + " " + l.path("protocol").asText());
            }
        });
        assertThat(hosts).containsExactly(uri.getHost() + " " + uri.getScheme().toUpperCase(Locale.ROOT));
    }

    /** Prometheus in the monitoring namespace, which scrapes /q/metrics. */
    private static boolean isPrometheus(JsonNode peer) {
        return peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                .equals("monitoring")
                && peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()
                .equals("prometheus");
    }

    @Test
    void theFilesHostServesOnlyReadsOfTheBucketsObjects() {
        Manifests manifests = Manifests.render("prod");
        String bucket = Workloads.environment(manifests, "submissions-service").get("FIRSTHAND_STORAGE_BUCKET");
        List<String> matches = new ArrayList<>();
        manifests.get("HTTPRoute", "firsthand-files").path("spec").path("rules").forEach(rule -> {
            assertThat(rule.path("matches").size()).as("a rule without matches would forward everything").isPositive();
            rule.path("matches").forEach(m -> matches.add(m.path("method").asText() + " "
                    + m.path("path").path("type").asText() + " " + m.path("path").path("value").asText()));
        });
        assertThat(matches).containsExactlyInAnyOrder("GET PathPrefix /" + bucket + "/",
                "HEAD PathPrefix /" + bucket + "/");
    }

    private static Duration timeout(JsonNode route, String pathPrefix) {
        for (JsonNode rule : route.path("spec").path("rules")) {
            for (JsonNode match : rule.path("matches")) {
                if (match.path("path").path("value").asText().equals(pathPrefix)) {
                    return Duration.parse("PT" + rule.path("timeouts").path("request").asText()
                            .toUpperCase(Locale.ROOT));
                }
            }
        }
        throw new AssertionError("no rule for " + pathPrefix);
    }
}
