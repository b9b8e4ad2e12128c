package com.firsthand.webhook.mapping;

import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.rest.model.WebhookEndpointResponse;

public final class WebhookEndpointMapper {

    private WebhookEndpointMapper() {
    }

    public static WebhookEndpointResponse toResponse(WebhookEndpoint endpoint) {
        return new WebhookEndpointResponse("webhook_endpoint", endpoint.id, endpoint.url, endpoint.description,
                endpoint.enabledEvents, endpoint.status, endpoint.createdAt);
    }
}
