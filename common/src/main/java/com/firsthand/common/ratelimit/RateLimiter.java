package com.firsthand.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/** A token bucket per caller (Bucket4j): a burst, then a sustained rate. Buckets idle for 10 minutes are dropped. */
public final class RateLimiter {

    private final int requestsPerSecond;
    private final int burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    public RateLimiter(int requestsPerSecond, int burst) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
    }

    /** Takes one request from the caller's bucket; empty when allowed, else the seconds to wait. */
    public OptionalLong tryAcquire(String caller) {
        ConsumptionProbe probe = buckets.get(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return OptionalLong.of(seconds);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst)
                .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build()).build();
    }
}
