package com.firsthand.common.inbox;

import com.firsthand.common.api.DatabaseOutage;
import com.firsthand.events.EventJson;
import java.time.Duration;
import java.util.Optional;

/**
 * When a consumer retries a failing event and when it gives up on it (and dead-letters it). A malformed event is
 * given up on at once; a database outage is retried for ever, since it is not the event's fault and every event
 * behind it would fail the same way; an event waiting for another one is retried for up to {@code dependencyWait};
 * anything else gets {@code maxAttempts}. Waits double from {@code initialBackoff} up to {@code maxBackoff}.
 */
public record ConsumerRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration dependencyWait) {

    public ConsumerRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1");
        }
    }

    /**
     * The wait before the next attempt, or empty to give up.
     *
     * @param failedAttempts attempts made so far, all failed (at least 1)
     * @param elapsed        time since the first attempt started
     */
    public Optional<Duration> next(int failedAttempts, Duration elapsed, Throwable failure) {
        Duration wait = backoff(failedAttempts);
        if (isMalformed(failure)) {
            return Optional.empty();
        }
        if (DatabaseOutage.isCause(failure)) {
            return Optional.of(wait);
        }
        if (failure instanceof EventNotYetApplicable) {
            return elapsed.plus(wait).compareTo(dependencyWait) <= 0 ? Optional.of(wait) : Optional.empty();
        }
        return failedAttempts < maxAttempts ? Optional.of(wait) : Optional.empty();
    }

    Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static boolean isMalformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EventJson.MalformedEventException) {
                return true;
            }
        }
        return false;
    }
}
