package com.firsthand.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsTheBurstThenAsksToWait() {
        RateLimiter limiter = new RateLimiter(1, 3);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("key_a")).isEmpty();
        }
        OptionalLong refused = limiter.tryAcquire("key_a");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 2L);
    }

    @Test
    void bucketsAreSeparatePerCaller() {
        RateLimiter limiter = new RateLimiter(1, 1);

        assertThat(limiter.tryAcquire("key_a")).isEmpty();
        assertThat(limiter.tryAcquire("key_a")).isPresent();
        assertThat(limiter.tryAcquire("key_b")).isEmpty();
    }
}
