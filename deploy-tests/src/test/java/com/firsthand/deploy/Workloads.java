package com.firsthand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Look-ups in rendered manifests shared by the Kubernetes checks. */
final class Workloads {

    private Workloads() {
    }

    /** The environment of a service's container (ConfigMaps taken whole included; see PodEnvironment). */
    static Map<String, String> environment(Manifests manifests, String service) {
        return PodEnvironment.of(container(manifests, service), manifests);
    }

    static JsonNode container(Manifests manifests, String service) {
        for (JsonNode container : podSpec(manifests, service).path("containers")) {
            if (container.path("name").asText().equals(service)) {
                return container;
            }
        }
        throw new AssertionError("Deployment " + service + " has no container named " + service);
    }

    static JsonNode podSpec(Manifests manifests, String deployment) {
        return manifests.get("Deployment", deployment).path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(Manifests manifests, String deployment) {
        return manifests.get("Deployment", deployment).path("spec").path("template").path("metadata").path("labels");
    }

    static JsonNode kafkaTopic(Manifests manifests, String topic) {
        return manifests.ofKind("KafkaTopic")
                .filter(t -> t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText())
                        .equals(topic))
                .findFirst()
                .orElseThrow(() -> new AssertionError(manifests.overlay() + ": no KafkaTopic for " + topic));
    }

    /** The Kafka nodes with the broker role, over every node pool. */
    static int brokers(Manifests manifests) {
        return manifests.ofKind("KafkaNodePool")
                .filter(pool -> pool.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
    }

    /** The CloudNativePG Database resource of a database name. */
    static JsonNode database(Manifests manifests, String name) {
        return manifests.ofKind("Database").filter(d -> d.path("spec").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no CloudNativePG Database " + name));
    }

    static String postgresCluster(Manifests manifests) {
        return manifests.ofKind("Cluster").findFirst().orElseThrow().path("metadata").path("name").asText();
    }

    /** The fewest replicas the Deployment's autoscaler (HPA or KEDA ScaledObject) runs. */
    static int minimumReplicas(Manifests manifests, String deployment) {
        return autoscalerBound(manifests, deployment, "minReplicas", "minReplicaCount");
    }

    /** The most replicas the Deployment's autoscaler (HPA or KEDA ScaledObject) runs. */
    static int maximumReplicas(Manifests manifests, String deployment) {
        return autoscalerBound(manifests, deployment, "maxReplicas", "maxReplicaCount");
    }

    private static int autoscalerBound(Manifests manifests, String deployment, String hpaField, String kedaField) {
        return manifests.ofKind("HorizontalPodAutoscaler")
                .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(deployment))
                .map(h -> h.path("spec").path(hpaField).asInt())
                .findFirst()
                .orElseGet(() -> manifests.get("ScaledObject", deployment).path("spec").path(kedaField).asInt());
    }

    /** The triggers of a KEDA ScaledObject of one type. */
    static List<JsonNode> triggers(Manifests manifests, String scaledObject, String type) {
        List<JsonNode> triggers = new ArrayList<>();
        manifests.get("ScaledObject", scaledObject).path("spec").path("triggers").forEach(trigger -> {
            if (trigger.path("type").asText().equals(type)) {
                triggers.add(trigger);
            }
        });
        return triggers;
    }

    /** Every Flyway migration of a service, concatenated in file order. */
    static String migrations(String service) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Project.path(service + "/src/main/resources/db/migration"))) {
            files.sorted().forEach(file -> all.append(Project.read(file)).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    /** Whether a label selector (matchLabels) selects pods with these labels; an empty one selects nothing here. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        List<String> missing = new ArrayList<>();
        matchLabels.properties().forEach(e -> {
            if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                missing.add(e.getKey());
            }
        });
        return missing.isEmpty();
    }
}
