package com.firsthand.webhook.rest.model;

public record RecoverRequest(String since, String until) {
}
