package com.firsthand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration model Quarkus ships in its extension jars (META-INF/quarkus-config-doc): every property of
 * the extensions on the test classpath with its phase (RUN_TIME ones can be set at deployment, BUILD_TIME ones
 * are fixed in the image).
 */
final class QuarkusConfigModel {

    private static final String RESOURCE = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static Map<String, String> phases;

    private QuarkusConfigModel() {
    }

    /** The phase of a property (e.g. RUN_TIME, BUILD_TIME, BUILD_AND_RUN_TIME_FIXED), empty when unknown. */
    static synchronized Optional<String> phase(String property) {
        if (phases == null) {
            phases = load();
        }
        return Optional.ofNullable(phases.get(property));
    }

    private static Map<String, String> load() {
        Map<String, String> result = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    collect(json.readTree(in), result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no Quarkus config model on the test classpath (" + RESOURCE + ")");
        }
        return result;
    }

    private static void collect(JsonNode node, Map<String, String> result) {
        if (node.isObject()) {
            JsonNode property = node.path("path").path("property");
            if (property.isTextual() && node.has("phase")) {
                result.put(property.asText(), node.get("phase").asText());
            }
            node.forEach(child -> collect(child, result));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, result));
        }
    }
}
