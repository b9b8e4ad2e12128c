package com.firsthand.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What travels on every topic: the outbox row's identity and metadata around a typed payload.
 *
 * @param id            evt_ + ULID, stable across redeliveries; consumers deduplicate on it
 * @param type          the event type, equal to its topic name
 * @param schemaVersion the payload's schema version; payloads evolve only by adding optional fields
 * @param occurredAt    when the state change was committed
 * @param orgId         the buyer organisation the event belongs to, if any
 * @param aggregateType job, submission, credential, ...
 * @param aggregateId   the Kafka key
 * @param payload       the event payload record as JSON
 */
public record EventEnvelope(String id, String type, int schemaVersion, Instant occurredAt, String orgId,
        String aggregateType, String aggregateId, JsonNode payload) {

    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.fromTree(payload, payloadType);
    }
}
