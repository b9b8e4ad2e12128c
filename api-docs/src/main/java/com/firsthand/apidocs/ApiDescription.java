package com.firsthand.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one public API description: the services' own OpenAPI documents (generated from their annotations, with
 * common's PublicApiFilter) merged into one, for the whole API behind this gateway. Two services describing the
 * same path and method, or the same component differently, is a build error, not a silent override.
 */
public final class ApiDescription {

    static final String TITLE = "FirstHand API";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIPTION = """
            First-hand content on demand: buyers post content-collection jobs, workers accept them and upload \
            files, and every upload is scored 1-5 stars by AI (3+ is approved, delivered and paid). Buyers \
            authenticate with an API key, workers with a token, operators with the admin token; all as \
            `Authorization: Bearer ...`. Every POST takes an Idempotency-Key. Errors have one body: \
            `{"error": {"type", "code", "message", "param"}}`.""";

    private ApiDescription() {
    }

    /** @param serverUrl the gateway's public URL, the document's only server */
    public static ObjectNode merge(List<JsonNode> documents, String serverUrl) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", documents.get(0).path("openapi").asText("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", documents.get(0).path("info").path("version").asText("1.0.0"));
        info.put("description", DESCRIPTION);
        info.putObject("license").put("name", "Proprietary").put("url", "https://firsthand.example/terms");
        info.putObject("contact").put("name", "FirstHand API support").put("email", "api@firsthand.example");
        merged.putArray("servers").addObject().put("url", serverUrl).put("description", "This gateway");
        Map<String, JsonNode> tags = new TreeMap<>();
        ObjectNode paths = JSON.createObjectNode();
        ObjectNode webhooks = JSON.createObjectNode();
        ObjectNode components = JSON.createObjectNode();
        for (JsonNode document : documents) {
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            document.path("paths").fields().forEachRemaining(path -> mergePath(paths, path.getKey(), path.getValue()));
            document.path("webhooks").fields().forEachRemaining(hook -> mergePath(webhooks, hook.getKey(),
                    hook.getValue()));
            document.path("components").fields().forEachRemaining(section -> mergeSection(
                    child(components, section.getKey()), section.getKey(), section.getValue()));
        }
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("paths", sorted(paths));
        if (!webhooks.isEmpty()) {
            merged.set("webhooks", sorted(webhooks));
        }
        ObjectNode sortedComponents = JSON.createObjectNode();
        components.fields().forEachRemaining(section -> sortedComponents.set(section.getKey(),
                sorted((ObjectNode) section.getValue())));
        merged.set("components", sortedComponents);
        return merged;
    }

    private static void mergePath(ObjectNode paths, String path, JsonNode item) {
        ObjectNode target = child(paths, path);
        item.fields().forEachRemaining(method -> {
            if (target.has(method.getKey())) {
                throw new IllegalStateException("two services describe " + method.getKey() + " " + path);
            }
            target.set(method.getKey(), method.getValue());
        });
    }

    private static void mergeSection(ObjectNode target, String section, JsonNode entries) {
        entries.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException("two services describe components." + section + "."
                        + entry.getKey() + " differently");
            }
            target.set(entry.getKey(), entry.getValue());
        });
    }

    /** The object under {@code name}, made if absent (a path is a name here, not a JSON pointer). */
    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode sorted = JSON.createObjectNode();
        Map<String, JsonNode> entries = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.put(entry.getKey(), entry.getValue());
        }
        entries.forEach(sorted::set);
        return sorted;
    }
}
