package com.firsthand.webhook.rest.model;

import java.util.List;

/** PATCH: absent fields stay as they are; disabled true disables, false re-enables. */
public record UpdateEndpointRequest(String url, List<String> enabledEvents, String description, Boolean disabled) {
}
