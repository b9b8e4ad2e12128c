package com.firsthand.webhook.rest.model;

public record RedeliverRequest(String endpointId) {
}
