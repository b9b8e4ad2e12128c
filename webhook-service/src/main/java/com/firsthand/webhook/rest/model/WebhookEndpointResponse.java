package com.firsthand.webhook.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The webhook_endpoint object; {@code secret} appears only in the responses to create and rotate_secret. */
public record WebhookEndpointResponse(String object, String id, String url, String description,
        List<String> enabledEvents, String status, String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Instant createdAt) {
}
