package com.firsthand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Real traffic against the gateway's API description: each JSON answer must match the schema the description
 * gives for its operation and status (an error's code among those listed for it), each request what the operation
 * takes (parameters, headers, JSON body), and each webhook delivery the schema of its webhook (JSON Schema
 * 2020-12, as OpenAPI 3.1 says, with networknt's validator). Paths the description does not list (the gateway's
 * own /openapi.json and /docs) are not checked.
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

    /** The operation a request reaches, and "METHOD /template" to name it in problems. */
    private record Described(String key, JsonNode operation) {
    }

    /** The described operation of this method and path; empty when the description has none. */
    private Optional<Described> described(String method, String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst()
                .map(t -> new Described(method + " " + t.path(),
                        description.path("paths").path(t.path()).path(method.toLowerCase())))
                .filter(d -> !d.operation().isMissingNode());
    }

    /** What is wrong with the answer, empty when it conforms (or is not described). */
    List<String> check(String method, String pathAndQuery, int status, String body) {
        Optional<Described> described = described(method, pathAndQuery);
        if (described.isEmpty() || status == 0 || body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode responses = described.get().operation().path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.has(code)) {
            return List.of(described.get().key() + " answered " + status + ", which it does not describe");
        }
        String key = described.get().key() + " " + code;
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
        List<String> problems = new ArrayList<>(schema.get().validate(answer).stream()
                .map(error -> key + ": " + error.getInstanceLocation() + " " + error.getMessage()).toList());
        JsonNode codes = responses.path(code).path("content").path("application/json").path("examples");
        String errorCode = answer.path("error").path("code").asText(null);
        if (status >= 400 && !code.equals("default") && errorCode != null && !codes.has(errorCode)) {
            problems.add(key + ": error code " + errorCode + " is not among the codes described for it "
                    + codes.properties().stream().map(Map.Entry::getKey).toList());
        }
        return problems;
    }

    /**
     * What the description forbids in a request: a missing required parameter, header or body, a parameter or JSON
     * body that does not match its schema, a content type it does not take. Empty when it conforms (or is not
     * described).
     */
    List<String> checkRequest(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        Optional<Described> described = described(method, pathAndQuery);
        if (described.isEmpty()) {
            return List.of();
        }
        JsonNode operation = described.get().operation();
        String key = described.get().key();
        String[] pathAndQueryParts = pathAndQuery.split("\\?", 2);
        Map<String, List<String>> query = query(pathAndQueryParts.length > 1 ? pathAndQueryParts[1] : "");
        List<String> problems = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if (parameter.path("in").asText().equals("path")) {
                continue; // the template matched: every path parameter has a value
            }
            List<String> values = switch (parameter.path("in").asText()) {
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                        .flatMap(h -> h.getValue().stream()).toList();
                default -> List.of();
            };
            if (values.isEmpty() && parameter.path("required").asBoolean()) {
                problems.add(key + ": the required " + parameter.path("in").asText() + " parameter " + name
                        + " is missing");
            }
            for (String value : values) {
                problems.addAll(checkParameter(key + " " + name, parameter.path("schema"), value));
            }
        }
        problems.addAll(checkBody(key, operation.path("requestBody"), headers, body));
        return problems;
    }

    private List<String> checkParameter(String key, JsonNode schema, String value) {
        JsonNode typed = JSON.getNodeFactory().textNode(value);
        if (schema.path("type").asText().equals("integer")) {
            try {
                typed = JSON.getNodeFactory().numberNode(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return List.of(key + ": '" + value + "' is not an integer");
            }
        }
        Schema compiled = schemas.computeIfAbsent("parameter " + key, k -> Optional.of(compile(schema))).get();
        return compiled.validate(typed).stream().map(error -> key + ": " + error.getMessage()).toList();
    }

    private List<String> checkBody(String key, JsonNode requestBody, Map<String, List<String>> headers, String body) {
        String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        boolean sent = body != null && !body.isBlank() || contentType != null && contentType.startsWith("multipart/");
        if (requestBody.isMissingNode()) {
            return sent ? List.of(key + ": takes no body") : List.of();
        }
        if (!sent) {
            return requestBody.path("required").asBoolean() ? List.of(key + ": the body is required") : List.of();
        }
        String mediaType = contentType.split(";", 2)[0].strip();
        if (!requestBody.path("content").has(mediaType)) {
            return List.of(key + ": takes no " + mediaType + " body");
        }
        if (!mediaType.equals("application/json")) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(key + ": the body is not JSON");
        }
        Optional<Schema> schema = schemas.computeIfAbsent("request " + key, k -> schemaOf(requestBody));
        return schema.map(s -> s.validate(json).stream()
                .map(error -> key + " body: " + error.getInstanceLocation() + " " + error.getMessage()).toList())
                .orElse(List.of());
    }

    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
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
        return schema.isMissingNode() ? Optional.empty() : Optional.of(compile(schema));
    }

    private Schema compile(JsonNode schema) {
        ObjectNode root = ((ObjectNode) rewriteRefs(schema)).deepCopy();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("$defs", definitions);
        return SCHEMAS.getSchema(root.toString());
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
