package com.firsthand.events;

import java.time.Instant;

/**
 * The full current state of one credential, published by its owner (jobs-service) whenever it is issued or
 * revoked. Only the SHA-256 hash of the secret ever leaves the owner.
 *
 * @param kind buyer_api_key or worker_token
 * @param status active or revoked
 */
public record CredentialChanged(String credentialId, String kind, String orgId, String workerId,
        String secretHash, String status, Instant changedAt) {

    public static final String KIND_BUYER_API_KEY = "buyer_api_key";
    public static final String KIND_WORKER_TOKEN = "worker_token";
    public static final String STATUS_ACTIVE = "active";
    public static final String STATUS_REVOKED = "revoked";
}
