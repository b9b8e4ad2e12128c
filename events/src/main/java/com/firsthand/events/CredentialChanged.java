package com.firsthand.events;

import java.time.Instant;

/**
 * The full current state of one credential, published by its owner (jobs-service) whenever it is issued or
 * revoked. Only the SHA-256 hash of the secret ever leaves the owner.
 *
 * @param kind    buyer_api_key or worker_token
 * @param status  active or revoked
 * @param version the owner's number of this state, from 1, one more at every change; a replica applies a record
 *                only over a lower version. Absent (null) in records published before it existed: those are
 *                ordered by changed_at among themselves, and below every versioned record.
 */
public record CredentialChanged(String credentialId, String kind, String orgId, String workerId,
        String secretHash, String status, Instant changedAt, Long version) {

    public static final String KIND_BUYER_API_KEY = "buyer_api_key";
    public static final String KIND_WORKER_TOKEN = "worker_token";
    public static final String STATUS_ACTIVE = "active";
    public static final String STATUS_REVOKED = "revoked";

    /**
     * Refuses a record no owner would publish: anyone who can write to the topic must not mint a credential that
     * sees every organisation (a buyer key without an owner) or one of a kind nobody checks.
     */
    public CredentialChanged {
        require(credentialId != null && !credentialId.isBlank(), "credential_id is required");
        require(secretHash != null && !secretHash.isBlank(), "secret_hash is required");
        require(changedAt != null, "changed_at is required");
        require(version == null || version >= 1, "version must be at least 1");
        require(STATUS_ACTIVE.equals(status) || STATUS_REVOKED.equals(status), "unknown status " + status);
        if (KIND_BUYER_API_KEY.equals(kind)) {
            require(orgId != null && !orgId.isBlank() && workerId == null,
                    "a buyer API key belongs to one organisation and no worker");
        } else if (KIND_WORKER_TOKEN.equals(kind)) {
            require(workerId != null && !workerId.isBlank(), "a worker token belongs to one worker");
        } else {
            throw new IllegalArgumentException("unknown credential kind " + kind);
        }
    }

    /** A record without a version, as published before versions existed. */
    public CredentialChanged(String credentialId, String kind, String orgId, String workerId, String secretHash,
            String status, Instant changedAt) {
        this(credentialId, kind, orgId, workerId, secretHash, status, changedAt, null);
    }

    /** The version a replica compares: 0 for a record without one. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
