package com.firsthand.scoring.llm;

import java.time.Duration;

/** A provider call that gave no usable rating. */
class ProviderException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    ProviderException(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static ProviderException transientFailure(String message) {
        return new ProviderException(message, true, null);
    }

    static ProviderException refused(String message) {
        return new ProviderException(message, false, null);
    }

    boolean retryable() {
        return retryable;
    }

    /** What the provider asked us to wait (Retry-After), or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
