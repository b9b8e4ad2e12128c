package com.firsthand.webhook.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the next attempt of a failed delivery happens: the schedule's next delay spread by the jitter, but never
 * sooner than the receiver's Retry-After (itself capped); empty once the schedule is spent.
 */
public record RetryPolicy(List<Duration> schedule, double jitter, Duration retryAfterMax) {

    public RetryPolicy {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one entry");
        }
        schedule = List.copyOf(schedule);
    }

    public int maxAttempts() {
        return schedule.size();
    }

    /** Delay before the first attempt. */
    public Duration firstDelay() {
        return schedule.get(0);
    }

    /**
     * @param attemptsMade attempts made so far, including the one that just failed
     * @param retryAfter   the receiver's Retry-After, if it sent one
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        Duration base = schedule.get(attemptsMade);
        long millis = base.toMillis();
        if (jitter > 0 && millis > 0) {
            double factor = 1 + (random.nextDouble() * 2 - 1) * jitter;
            millis = Math.round(millis * factor);
        }
        Duration delay = Duration.ofMillis(millis);
        if (retryAfter.isPresent()) {
            Duration wanted = retryAfter.get().compareTo(retryAfterMax) > 0 ? retryAfterMax : retryAfter.get();
            if (wanted.compareTo(delay) > 0) {
                delay = wanted;
            }
        }
        return Optional.of(delay);
    }
}
