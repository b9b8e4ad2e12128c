package com.firsthand.webhook.rest.model;

import java.util.List;

public record CreateEndpointRequest(String url, List<String> enabledEvents, String description) {
}
