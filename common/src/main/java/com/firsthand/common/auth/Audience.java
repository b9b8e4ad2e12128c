package com.firsthand.common.auth;

/** Who an endpoint is for; each kind authenticates with its own kind of credential. */
public enum Audience {
    /** Organisations calling with an API key {@code fh_live_...}. */
    BUYER,
    /** Workers calling with a token {@code fh_wkr_...}. */
    WORKER,
    /** Operators calling /admin with the configured admin token. */
    ADMIN
}
