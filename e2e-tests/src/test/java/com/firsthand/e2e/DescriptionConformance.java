package com.firsthand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Real traffic against the gateway's API description: each JSON answer must match the schema the description
 * gives for its operation and status, and each webhook delivery the schema of its webhook (JSON Schema 2020-12, as OpenAPI 3.1 says, with networknt's validator). Paths
 * the description does not list (the gateway's own /openapi.json and /docs) are not checked.
 */
final class DescriptionConformance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private record Template(String path, Pattern pattern, int parameters) {
    }

    private final JsonNode description;
    private final JsonNode definitions;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    DescriptionConformance(JsonNode description) {
        this.description = description;
        this.definitions = rewriteRefs(description.path("components").path("schemas"));
        description.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path,
                Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                path.split("\\{", -1).length - 1)));
        // A literal segment wins over a parameter: /v1/submissions/summary, not /v1/submissions/{submission_id}.
        templates.sort(Comparator.comparingInt(Template::parameters));
    }

    /** What is wrong with the answer, empty when it conforms (or is not described). */
    List<String> check(String method, String pathAndQuery, int status, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty() || status == 0 || body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode operation = description.path("paths").path(template.get().path()).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of();
        }
        JsonNode responses = operation.path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.has(code)) {
            return List.of(method + " " + template.get().path() + " answered " + status + ", which it does not describe");
        }
        String key = method + " " + template.get().path() + " " + code;
        Optional<Schema> schema = schemas.computeIfAbsent(key, k -> schemaOf(responses.path(code)));
        if (schema.isEmpty()) {
            return List.of();
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(key + ": the body is not JSON: " + body);
        }
        List<Error> errors = schema.get().validate(answer);
        return errors.stream().map(error -> key + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    /** What is wrong with a webhook delivery's event, against the description's webhook of its type. */
    List<String> checkWebhook(JsonNode event) {
        String type = event.path("type").asText();
        JsonNode webhook = description.path("webhooks").path(type).path("post");
        if (webhook.isMissingNode()) {
            return List.of("webhook " + type + " is not described");
        }
        Optional<Schema> schema = schemas.computeIfAbsent("webhook " + type,
                k -> schemaOf(webhook.path("requestBody")));
        return schema.map(s -> s.validate(event).stream()
                .map(error -> "webhook " + type + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList()).orElse(List.of("webhook " + type + " has no JSON body schema"));
    }

    /** The JSON schema of a response or a request body, self-contained; empty when it has none. */
    private Optional<Schema> schemaOf(JsonNode response) {
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return Optional.empty();
        }
        ObjectNode root = ((ObjectNode) rewriteRefs(schema)).deepCopy();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("$defs", definitions);
        return Optional.of(SCHEMAS.getSchema(root.toString()));
    }

    /** OpenAPI's #/components/schemas/X as the self-contained schema's #/$defs/X. */
    private static JsonNode rewriteRefs(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node).replace("#/components/schemas/", "#/$defs/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
