package com.firsthand.webhook.rest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RecoverRequest(@Schema(required = true) String since, String until) {
}
