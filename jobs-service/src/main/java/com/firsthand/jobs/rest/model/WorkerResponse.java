package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A worker; on creation it carries its first token, secret included, this once. */
public record WorkerResponse(String object, String id, String name, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) CredentialResponse token) {
}
