package com.firsthand.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaLagTest {

    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");

    private final ReplicaLag lag = new ReplicaLag(Duration.ofSeconds(10));

    @Test
    void aQuietTopicWhoseConsumerIsAtTheEndNeverLags() {
        for (int second = 0; second < 600; second += 30) {
            assertThat(lag.lagging(Map.of(0, 7L, 1, 0L), Map.of(0, 7L), T0.plusSeconds(second))).isEmpty();
        }
    }

    @Test
    void aConsumerThatKeepsReachingWhatItWasShownDoesNotLag() {
        assertThat(lag.lagging(Map.of(0, 10L), Map.of(0, 5L), T0)).isEmpty();
        assertThat(lag.lagging(Map.of(0, 20L), Map.of(0, 12L), T0.plusSeconds(8))).isEmpty();
        assertThat(lag.lagging(Map.of(0, 30L), Map.of(0, 21L), T0.plusSeconds(16))).isEmpty();
        assertThat(lag.lagging(Map.of(0, 40L), Map.of(0, 31L), T0.plusSeconds(24))).isEmpty();
    }

    @Test
    void aStalledPartitionLagsOnceMaxLagHasPassed() {
        assertThat(lag.lagging(Map.of(0, 10L, 1, 4L), Map.of(0, 5L, 1, 4L), T0)).isEmpty();
        assertThat(lag.lagging(Map.of(0, 11L, 1, 4L), Map.of(0, 5L, 1, 4L), T0.plusSeconds(10))).isEmpty();
        assertThat(lag.lagging(Map.of(0, 11L, 1, 4L), Map.of(0, 5L, 1, 4L), T0.plusSeconds(11))).containsExactly(0);

        assertThat(lag.lagging(Map.of(0, 11L, 1, 4L), Map.of(0, 11L, 1, 4L), T0.plusSeconds(12))).isEmpty();
    }

    @Test
    void aConsumerThatHasCommittedNothingStartsFromZero() {
        assertThat(lag.lagging(Map.of(0, 3L), Map.of(), T0)).isEmpty();
        assertThat(lag.lagging(Map.of(0, 3L), Map.of(), T0.plusSeconds(11))).containsExactly(0);
    }
}
