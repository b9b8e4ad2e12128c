package com.firsthand.common.auth;

/** The authenticated party of the current request. */
public record Caller(Audience audience, String credentialId, String orgId, String workerId) {

    public static Caller admin() {
        return new Caller(Audience.ADMIN, null, null, null);
    }

    /** The scope of its Idempotency-Keys and rate limits: one organisation, one worker, or the operators. */
    public String scope() {
        return switch (audience) {
            case BUYER -> orgId;
            case WORKER -> workerId;
            case ADMIN -> "admin";
        };
    }
}
