package com.firsthand.webhook.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event object, written once when the event is created: {@code {"id","object":"event","type","created_at",
 * "data":{"object":{...}}}}. The stored text is what is signed, delivered and returned by the Events API.
 */
public final class EventBodies {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventBodies() {
    }

    public static String write(String id, String type, Instant createdAt, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("type", type);
        event.put("created_at", createdAt);
        event.put("data", Map.of("object", object));
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + id, e);
        }
    }

    /** The stored event as a tree that keeps its field order, for the API's JSON responses. */
    public static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }
}
