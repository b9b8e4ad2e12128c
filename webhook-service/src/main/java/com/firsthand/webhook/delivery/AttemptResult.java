package com.firsthand.webhook.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What one HTTP attempt gave: the response status (null when none came), up to 1 KB of the response body, the
 * error when the request failed, its duration and the receiver's Retry-After.
 */
public record AttemptResult(Integer status, String responseExcerpt, String error, long durationMillis,
        Optional<Duration> retryAfter) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver says the endpoint no longer exists; it is disabled, not retried. */
    public boolean gone() {
        return status != null && status == 410;
    }
}
