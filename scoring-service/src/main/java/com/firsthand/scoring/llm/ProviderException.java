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

    /**
     * The answer stopped at the token limit before it held a usable rating. Final: the same request is cut at the
     * same place, so the local scorer rates the file and its reasoning carries this message.
     */
    static ProviderException cutOff(int maxTokens, String what) {
        return new ProviderException("the answer was cut off by the token limit (" + maxTokens + " tokens, "
                + "firsthand.scoring.llm.max-tokens) before it held a usable rating (" + what + "); not retried, "
                + "since the same request is cut the same way: raise firsthand.scoring.llm.max-tokens", false, null);
    }

    boolean retryable() {
        return retryable;
    }

    /** What the provider asked us to wait (Retry-After), or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
