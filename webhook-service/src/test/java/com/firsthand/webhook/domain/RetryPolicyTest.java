package com.firsthand.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.webhook.delivery.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    @RepeatedTest(10)
    void followsTheScheduleWithinTheJitterAndStopsWhenItIsSpent() {
        Random random = new Random(42 + System.nanoTime() % 1000);
        RetryPolicy policy = new RetryPolicy(SVIX, 0.1, Duration.ofHours(1));
        assertThat(policy.maxAttempts()).isEqualTo(8);
        for (int made = 1; made < 8; made++) {
            Duration delay = policy.nextDelay(made, Optional.empty(), random).orElseThrow();
            long expected = SVIX.get(made).toMillis();
            assertThat(delay.toMillis()).isBetween(Math.round(expected * 0.9), Math.round(expected * 1.1));
        }
        assertThat(policy.nextDelay(8, Optional.empty(), random)).isEmpty();
    }

    @Test
    void retryAfterDelaysButIsCapped() {
        RetryPolicy policy = new RetryPolicy(SVIX, 0, Duration.ofMinutes(10));
        Random random = new Random(1);
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(90)), random)).contains(Duration.ofSeconds(90));
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofDays(2)), random)).contains(Duration.ofMinutes(10));
        assertThat(policy.nextDelay(3, Optional.of(Duration.ofSeconds(1)), random)).contains(Duration.ofMinutes(30));
    }

    @Test
    void parsesRetryAfterSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atOffset(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(date, now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
    }
}
