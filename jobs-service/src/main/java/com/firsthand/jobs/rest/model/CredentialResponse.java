package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API key ({@code object: "api_key"}) or a worker token ({@code object: "worker_token"}). The secret is
 * present only in the response that created it; only its hash is stored.
 *
 * @param version    the credential's state number: 1 when issued, one more at each change
 * @param revokedNow in a revocation's response only: whether that call revoked it (false: it already was)
 */
@Schema(requiredProperties = {"object", "id", "status", "version"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialResponse(String object, String id, String orgId, String workerId, String status,
        String secret, Instant createdAt, Instant revokedAt, Long version, Boolean revokedNow) {
}
