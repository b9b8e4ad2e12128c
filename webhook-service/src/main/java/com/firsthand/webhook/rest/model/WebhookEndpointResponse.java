package com.firsthand.webhook.rest.model;

import java.time.Instant;
import java.util.List;

public record WebhookEndpointResponse(String object, String id, String url, String description,
        List<String> enabledEvents, String status, Instant createdAt) {
}
