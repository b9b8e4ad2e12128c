package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A closed namespace: ingress denied unless allowed, our pods' egress limited to what they use, TLS inside. */
class KubernetesPerimeterTest {

    private static final Set<String> NEVER_FROM_THE_INTERNET_EGRESS = Set.of("10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "fc00::/7", "fe80::/10");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodTakesOnlyTheIngressAPolicyAllows(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("NetworkPolicy").filter(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("policyTypes").toString().equals("[\"Ingress\"]")
                && !p.path("spec").has("ingress"))).as("a default-deny ingress policy for the namespace").hasSize(1);
        manifests.ofKind("NetworkPolicy").forEach(policy -> policy.path("spec").path("ingress").forEach(rule ->
                assertThat(rule.has("from")).as("%s: a rule without from admits everyone",
                        policy.path("metadata").path("name").asText()).isTrue()));
        assertThat(ingressPeers(manifests, "cnpg.io/cluster", "firsthand-pg", 5432))
                .containsExactlyInAnyOrder("pods app.kubernetes.io/component=api-service", "namespace keda",
                        "pods cnpg.io/cluster=firsthand-pg");
        assertThat(ingressPeers(manifests, "app.kubernetes.io/name", "firsthand-minio", 9000))
                .containsExactlyInAnyOrder("pods app.kubernetes.io/component=api-service",
                        "pods app.kubernetes.io/name=firsthand-minio-bucket",
                        "pods app.kubernetes.io/name=firsthand-minio",
                        "namespace envoy-gateway-system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesReachOnlyWhatTheyUseAndTheInternetOnlyWhereTheyMust(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String name : Project.SERVICE_NAMES) {
            Set<String> reached = egress(manifests, Workloads.podLabels(manifests, name));
            Set<String> expected = new TreeSet<>(Set.of("namespace kube-system pods k8s-app=kube-dns:53",
                    "pods cnpg.io/cluster=firsthand-pg:5432",
                    "pods strimzi.io/cluster=firsthand,strimzi.io/kind=Kafka:9093",
                    "pods app.kubernetes.io/name=firsthand-minio:9000", "namespace observability:4317"));
            if (name.equals("webhook-service") || name.equals("scoring-service")) {
                expected.add("internet");
            }
            assertThat(reached).as("where %s may connect", name).isEqualTo(expected);
        }
        Set<String> gateway = egress(manifests, Workloads.podLabels(manifests, "firsthand-gateway"));
        String services = "pods app.kubernetes.io/component=api-service:";
        assertThat(gateway).containsExactlyInAnyOrder("namespace kube-system pods k8s-app=kube-dns:53",
                services + 8081, services + 8082, services + 8083, services + 8084);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesTalkToPostgresOverTlsCheckingItsNameAgainstTheClusterCa(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String caSecret = Workloads.postgresCluster(manifests) + "-ca";
        for (String name : Project.SERVICE_NAMES) {
            String url = Workloads.environment(manifests, name).get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).as("%s JDBC URL", name).contains("sslmode=verify-full");
            Matcher rootCert = Pattern.compile("sslrootcert=([^&]+)").matcher(url);
            assertThat(rootCert.find()).as("%s names the CA it trusts", name).isTrue();
            String mounted = null;
            JsonNode pod = Workloads.podSpec(manifests, name);
            for (JsonNode mount : Workloads.container(manifests, name).path("volumeMounts")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())
                            && volume.path("secret").path("secretName").asText().equals(caSecret)) {
                        mounted = mount.path("mountPath").asText() + "/ca.crt";
                    }
                }
            }
            assertThat(rootCert.group(1)).as("%s trusts CloudNativePG's CA (Secret %s)", name, caSecret)
                    .isEqualTo(mounted);
        }
    }

    /** What the pods with these labels may connect to, one entry per peer and port; "internet" for a public block. */
    static Set<String> egress(Manifests manifests, JsonNode labels) {
        Set<String> reached = new TreeSet<>();
        manifests.ofKind("NetworkPolicy")
                .filter(p -> p.path("spec").path("policyTypes").toString().contains("Egress"))
                .filter(p -> Workloads.selects(p.path("spec").path("podSelector").path("matchLabels"), labels))
                .forEach(policy -> policy.path("spec").path("egress").forEach(rule -> {
                    assertThat(rule.has("to")).as("an egress rule without to reaches everything").isTrue();
                    for (JsonNode peer : rule.path("to")) {
                        if (peer.has("ipBlock")) {
                            Set<String> except = new TreeSet<>();
                            peer.path("ipBlock").path("except").forEach(e -> except.add(e.asText()));
                            String cidr = peer.path("ipBlock").path("cidr").asText();
                            assertThat(except).as("blocks excluded from %s", cidr).containsAll(
                                    NEVER_FROM_THE_INTERNET_EGRESS.stream().filter(b -> b.contains(":")
                                            == cidr.contains(":")).toList());
                            reached.add("internet");
                            continue;
                        }
                        for (JsonNode port : rule.path("ports")) {
                            reached.add(describe(peer) + ":" + port.path("port").asInt());
                        }
                    }
                }));
        return reached;
    }

    private static List<String> ingressPeers(Manifests manifests, String label, String value, int port) {
        List<String> peers = new ArrayList<>();
        manifests.ofKind("NetworkPolicy")
                .filter(p -> p.path("spec").path("podSelector").path("matchLabels").path(label).asText()
                        .equals(value))
                .forEach(policy -> policy.path("spec").path("ingress").forEach(rule -> {
                    boolean toPort = false;
                    for (JsonNode p : rule.path("ports")) {
                        toPort |= p.path("port").asInt() == port;
                    }
                    if (toPort) {
                        rule.path("from").forEach(peer -> peers.add(describe(peer)));
                    }
                }));
        return peers;
    }

    private static String describe(JsonNode peer) {
        StringBuilder text = new StringBuilder();
        if (peer.has("namespaceSelector")) {
            text.append("namespace ").append(peer.path("namespaceSelector").path("matchLabels")
                    .path("kubernetes.io/metadata.name").asText());
        }
        if (peer.has("podSelector")) {
            List<String> labels = new ArrayList<>();
            peer.path("podSelector").path("matchLabels").properties()
                    .forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
            text.append(text.isEmpty() ? "" : " ").append("pods ").append(String.join(",", labels));
        }
        return text.toString();
    }
}
