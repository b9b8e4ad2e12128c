package com.firsthand.webhook.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook_endpoint object; {@code secret} appears only in the responses to create and rotate_secret. */
@Schema(requiredProperties = {"object", "id", "url", "description", "enabled_events", "status", "disabled_reason",
        "created_at"})
public record WebhookEndpointResponse(String object, String id, String url, String description,
        List<String> enabledEvents, String status, String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Instant createdAt) {
}
