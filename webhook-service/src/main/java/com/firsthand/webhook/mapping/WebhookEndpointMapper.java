package com.firsthand.webhook.mapping;

import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.rest.model.WebhookEndpointResponse;

public final class WebhookEndpointMapper {

    private WebhookEndpointMapper() {
    }

    public static WebhookEndpointResponse toResponse(WebhookEndpoint endpoint) {
        return toResponse(endpoint, null);
    }

    /** With the signing secret: only the responses to create and rotate_secret carry it. */
    public static WebhookEndpointResponse toResponse(WebhookEndpoint endpoint, String secret) {
        return new WebhookEndpointResponse("webhook_endpoint", endpoint.id, endpoint.url, endpoint.description,
                endpoint.enabledEvents, endpoint.status, endpoint.disabledReason, secret, endpoint.createdAt);
    }
}
