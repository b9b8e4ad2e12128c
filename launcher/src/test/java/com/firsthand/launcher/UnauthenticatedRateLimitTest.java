package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnauthenticatedRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final UnauthenticatedRateLimit limit = new UnauthenticatedRateLimit(2, 4, now::get);

    @Test
    void aBurstThenTheRatePerAddress() {
        for (int i = 0; i < 4; i++) {
            assertThat(limit.tryAcquire("10.0.0.1")).as("burst " + i).isEmpty();
        }
        assertThat(limit.tryAcquire("10.0.0.1")).isEqualTo(OptionalLong.of(1));
        assertThat(limit.tryAcquire("10.0.0.2")).as("another address").isEmpty();
        now.addAndGet(500_000_000L);
        assertThat(limit.tryAcquire("10.0.0.1")).as("one token back after half a second").isEmpty();
        assertThat(limit.tryAcquire("10.0.0.1")).isPresent();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyUsedAddress() {
        for (int i = 0; i < UnauthenticatedRateLimit.MAX_ADDRESSES + 500; i++) {
            limit.tryAcquire("address-" + i);
        }
        assertThat(limit.addresses()).isEqualTo(UnauthenticatedRateLimit.MAX_ADDRESSES);
    }

    @Test
    void rateZeroTurnsTheLimitOff() {
        UnauthenticatedRateLimit off = UnauthenticatedRateLimit.of(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(off.tryAcquire("10.0.0.1")).isEmpty();
        }
    }
}
