package com.firsthand.webhook.rest.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateEndpointRequest(@Schema(required = true, description = "An https URL") String url,
        List<String> enabledEvents, String description) {
}
