package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Deployment in both overlays: its variables, image, ports, probes, security and shutdown. */
class KubernetesServicesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableOfAServiceIsAPropertyItReads(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Map<String, String>> problems = new LinkedHashMap<>();
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> unread = ConfigKeys.of(name).unreadVariables(Workloads.environment(manifests, name));
            if (!unread.isEmpty()) {
                problems.put(name, unread);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesPortsAndProbesMatchTheServices(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (ServiceFacts service : Project.services()) {
            JsonNode container = Workloads.container(manifests, service.name());
            String image = container.path("image").asText();
            assertThat(image.substring(0, image.lastIndexOf(':'))).as("image of %s", service.name())
                    .endsWith("/" + service.name());
            JsonNode port = container.path("ports").get(0);
            assertThat(port.path("containerPort").asInt()).isEqualTo(service.port());
            assertThat(port.path("name").asText()).isEqualTo("http");
            String quarkusPort = Workloads.environment(manifests, service.name()).get("QUARKUS_HTTP_PORT");
            if (quarkusPort != null) {
                assertThat(quarkusPort).isEqualTo(Integer.toString(service.port()));
            }
            JsonNode kubernetesService = manifests.get("Service", service.name());
            JsonNode servicePort = kubernetesService.path("spec").path("ports").get(0);
            assertThat(servicePort.path("port").asInt()).isEqualTo(service.port());
            assertThat(servicePort.path("targetPort").asText()).isEqualTo("http");
            assertThat(Workloads.selects(kubernetesService.path("spec").path("selector"),
                    Workloads.podLabels(manifests, service.name()))).as("Service %s selects its pods", service.name())
                    .isTrue();
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe",
                    "/q/health/ready", "livenessProbe", "/q/health/live");
            probes.forEach((probe, path) -> {
                assertThat(container.path(probe).path("httpGet").path("path").asText()).as(probe).isEqualTo(path);
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("http");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsRunAsNonRootWithResourcesAndDrainBeforeTheyStop(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String name : Project.SERVICE_NAMES) {
            JsonNode pod = Workloads.podSpec(manifests, name);
            JsonNode container = Workloads.container(manifests, name);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(name).isPositive();
            JsonNode security = container.path("securityContext");
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
            assertThat(security.path("capabilities").path("drop").toString()).as(name).contains("ALL");
            JsonNode resources = container.path("resources");
            assertThat(resources.path("requests").has("cpu")).as(name).isTrue();
            assertThat(resources.path("requests").has("memory")).as(name).isTrue();
            assertThat(resources.path("limits").has("memory")).as(name).isTrue();
            List<String> preStop = new ArrayList<>();
            container.path("lifecycle").path("preStop").path("exec").path("command")
                    .forEach(c -> preStop.add(c.asText()));
            assertThat(preStop).as("%s preStop", name).hasSize(2).first().isEqualTo("sleep");
            Duration shutdown = ComposeFileTest.duration(
                    Workloads.environment(manifests, name).get("QUARKUS_SHUTDOWN_TIMEOUT"));
            long needed = Long.parseLong(preStop.get(1)) + shutdown.toSeconds() + 5;
            assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as("%s grace period", name)
                    .isGreaterThanOrEqualTo(needed);
        }
    }
}
