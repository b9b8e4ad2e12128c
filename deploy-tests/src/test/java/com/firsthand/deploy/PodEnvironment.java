package com.firsthand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a rendered container: its env entries (a secret reference reads as
 * "secret:NAME/KEY") and the keys of the ConfigMaps it takes whole (envFrom).
 */
final class PodEnvironment {

    private PodEnvironment() {
    }

    static Map<String, String> of(JsonNode container, Manifests manifests) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("secretRef")) {
                throw new AssertionError(container.path("name").asText() + " takes a whole Secret (envFrom "
                        + "secretRef): its variable names cannot be checked; use env with secretKeyRef");
            }
            String configMap = source.path("configMapRef").path("name").asText();
            JsonNode data = manifests.get("ConfigMap", configMap).path("data");
            String prefix = source.path("prefix").asText("");
            data.properties().forEach(e -> environment.put(prefix + e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            String value;
            if (!secret.isMissingNode()) {
                value = "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText();
            } else if (!configMap.isMissingNode()) {
                value = manifests.get("ConfigMap", configMap.path("name").asText()).path("data")
                        .path(configMap.path("key").asText()).asText();
            } else {
                value = variable.path("value").asText();
            }
            environment.put(variable.path("name").asText(), value);
        }
        return environment;
    }
}
