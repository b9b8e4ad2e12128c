package com.firsthand.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Secrets are shown once: a response body is stored for replays without any {@code secret} field, at any depth,
 * and the object that held one says so with {@code "secret_redacted": true}. The same rule, in SQL, cleans what
 * was stored before it (db/common R__idempotency_responses_without_secrets.sql).
 */
final class ShownOnce {

    static final String SECRET = "secret";
    static final String REDACTED = "secret_redacted";
    static final String REDACTED_HEADER = "Idempotent-Secret-Redacted";

    private ShownOnce() {
    }

    static String redact(String body, ObjectMapper mapper) {
        if (!body.contains("\"" + SECRET + "\"")) {
            return body;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            redact(tree);
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // Not JSON: nothing could be replayed faithfully without the secret, so nothing is kept.
            return null;
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object && object.has(SECRET)) {
            object.remove(SECRET);
            object.put(REDACTED, true);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            redact(children.next());
        }
    }
}
