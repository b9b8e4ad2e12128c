package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Prometheus Operator scrapes, and alerts that name metrics which exist. */
class KubernetesObservabilityTest {

    private static final Pattern FIRSTHAND_METRIC = Pattern.compile("\\bfirsthand_[a-z_]+");
    private static final Pattern METER_LITERAL = Pattern.compile("\"(firsthand\\.[a-z_.]+)\"");
    /** Metrics the platform does not register itself, with where they come from. */
    private static final Map<String, String> STANDARD_METRICS = Map.of(
            "http_server_requests_seconds_count", "Quarkus' HTTP server binder (Micrometer)",
            "kafka_consumer_fetch_manager_records_lag_max", "Micrometer's Kafka client binder");
    private static final Set<String> PROMETHEUS_SUFFIXES = Set.of("_total", "_seconds", "_count", "_sum", "_max");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesTheBrokersAndTheDatabaseAreScrapedOnPortsTheyExpose(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode services = manifests.get("PodMonitor", "firsthand-services").path("spec");
        for (String name : Project.SERVICE_NAMES) {
            assertThat(Workloads.selects(services.path("selector").path("matchLabels"),
                    Workloads.podLabels(manifests, name))).as("the services' PodMonitor selects %s", name).isTrue();
            String port = services.path("podMetricsEndpoints").get(0).path("port").asText();
            List<String> portNames = new ArrayList<>();
            Workloads.container(manifests, name).path("ports").forEach(p -> portNames.add(p.path("name").asText()));
            assertThat(portNames).as("%s names the scraped port", name).contains(port);
        }
        assertThat(services.path("podMetricsEndpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");

        JsonNode kafka = manifests.ofKind("Kafka").findFirst().orElseThrow();
        JsonNode metricsConfig = kafka.path("spec").path("kafka").path("metricsConfig").path("valueFrom")
                .path("configMapKeyRef");
        assertThat(manifests.get("ConfigMap", metricsConfig.path("name").asText()).path("data")
                .has(metricsConfig.path("key").asText())).as("the brokers' JMX exporter rules exist").isTrue();
        assertThat(manifests.get("PodMonitor", "firsthand-kafka").path("spec").path("selector").path("matchLabels")
                .path("strimzi.io/cluster").asText()).isEqualTo(kafka.path("metadata").path("name").asText());
        assertThat(manifests.get("PodMonitor", "firsthand-pg").path("spec").path("selector").path("matchLabels")
                .path("cnpg.io/cluster").asText()).isEqualTo(Workloads.postgresCluster(manifests));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prodSendsTracesToACollectorItsServicesMayReachAndDevTracesNothing(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> environment = Workloads.environment(manifests, name);
            if (overlay.equals("dev")) {
                assertThat(environment).as("%s: tracing stays off (common's default)", name)
                        .doesNotContainKeys("QUARKUS_OTEL_SDK_DISABLED", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
                continue;
            }
            assertThat(environment.get("QUARKUS_OTEL_SDK_DISABLED")).as("%s traces", name).isEqualTo("false");
            Matcher collector = Pattern.compile("http://[a-z0-9-]+\\.([a-z0-9-]+)\\.svc(?:\\.cluster\\.local)?:(\\d+)")
                    .matcher(environment.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
            assertThat(collector.matches()).as("%s names the collector's Service in full", name).isTrue();
            assertThat(KubernetesPerimeterTest.egress(manifests, Workloads.podLabels(manifests, name)))
                    .as("%s may reach the collector", name)
                    .contains("namespace " + collector.group(1) + ":" + collector.group(2));
        }
        assertThat(Project.read("common/src/main/resources/META-INF/microprofile-config.properties"))
                .as("tracing is off unless a deployment names a collector").contains("quarkus.otel.sdk.disabled=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertNamesAMetricThatIsRegistered(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Set<String> meters = meterNames();
        Set<String> alerts = new TreeSet<>();
        manifests.get("PrometheusRule", "firsthand-alerts").path("spec").path("groups").forEach(group -> group
                .path("rules").forEach(rule -> {
                    alerts.add(rule.path("alert").asText());
                    String expr = rule.path("expr").asText();
                    Matcher metric = FIRSTHAND_METRIC.matcher(expr);
                    boolean namesOne = false;
                    while (metric.find()) {
                        namesOne = true;
                        assertThat(registered(meters, metric.group())).as("%s: %s is registered by the services",
                                rule.path("alert").asText(), metric.group()).isTrue();
                    }
                    for (String standard : STANDARD_METRICS.keySet()) {
                        namesOne |= expr.contains(standard);
                    }
                    assertThat(namesOne).as("%s names a known metric", rule.path("alert")).isTrue();
                }));
        assertThat(alerts).contains("FirsthandScoringBacklogOld", "FirsthandWebhookFailureRate",
                "FirsthandConsumerLag", "FirsthandCredentialReplicaDeadLetter", "FirsthandServerErrors");
    }

    /**
     * Whether a Prometheus name is one of the registered meters: Micrometer writes firsthand.webhooks.attempts as
     * firsthand_webhooks_attempts_total (dots to underscores, a unit or type suffix added).
     */
    private static boolean registered(Set<String> meters, String prometheusName) {
        if (meters.contains(prometheusName)) {
            return true;
        }
        return PROMETHEUS_SUFFIXES.stream().anyMatch(suffix -> prometheusName.endsWith(suffix)
                && meters.contains(prometheusName.substring(0, prometheusName.length() - suffix.length())));
    }

    /** The meter names in the services' code, as Prometheus spells them without a suffix. */
    private static Set<String> meterNames() {
        Set<String> names = new TreeSet<>();
        Matcher literal = METER_LITERAL.matcher(mainSources());
        while (literal.find()) {
            names.add(literal.group(1).replace('.', '_'));
        }
        return names;
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("common", "jobs-service", "submissions-service", "scoring-service",
                "webhook-service")) {
            Project.javaFiles(module + "/src/main/java").forEach(file -> all.append(Project.read(file)));
        }
        return all.toString();
    }
}
