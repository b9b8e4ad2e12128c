package com.firsthand.webhook.rest.model;

import java.time.Instant;

/** One delivery attempt of an event to an endpoint. */
public record DeliveryAttemptResponse(String object, String id, String eventId, String eventType, String endpointId,
        int attempt, Instant attemptedAt, Integer responseStatus, long durationMs, String responseBody, String error,
        Instant nextAttemptAt) {
}
