package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An organisation; on creation it carries its first API key, secret included, this once. */
public record OrganizationResponse(String object, String id, String name, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) CredentialResponse apiKey) {
}
