package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An API key ({@code object: "api_key"}) or a worker token ({@code object: "worker_token"}). The secret is
 * present only in the response that created it; only its hash is stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialResponse(String object, String id, String orgId, String workerId, String status,
        String secret, Instant createdAt, Instant revokedAt) {
}
