package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worker; on creation it carries its first token, secret included, this once. */
@Schema(requiredProperties = {"object", "id", "name", "created_at"})
public record WorkerResponse(String object, String id, String name, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) CredentialResponse token) {
}
