package com.firsthand.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer being shut down finishes its backoff instead of throwing (which would dead-letter a blameless event). */
class EventConsumerBackoffTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedBackoffWaitsItsWholeTimeAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();

        EventConsumer.sleep(Duration.ofMillis(150));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anUninterruptedBackoffLeavesNoInterrupt() {
        EventConsumer.sleep(Duration.ofMillis(20));

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
