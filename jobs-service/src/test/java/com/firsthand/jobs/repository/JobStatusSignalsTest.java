package com.firsthand.jobs.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What counts as a waiting long-poll (the gauge, and what LongPollTest waits for before changing the job). */
class JobStatusSignalsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final JobStatusSignals signals = new JobStatusSignals(null, metrics, "jdbc:unused", "unused", "unused");

    @Test
    void aWaiterCountsOnlyOnceItHasReadItsJobAndParked() {
        CompletableFuture<Void> waiter = signals.next("job_1");
        assertThat(signals.waiting()).as("registered, still reading the job").isZero();
        assertThat(gauge()).isZero();

        signals.parked(waiter);
        assertThat(signals.waiting()).isEqualTo(1);
        assertThat(gauge()).isEqualTo(1);

        waiter.cancel(false);
        assertThat(signals.waiting()).isZero();
        assertThat(gauge()).isZero();
    }

    @Test
    void aWaiterAlreadyDoneWhenParkedIsNotCounted() {
        CompletableFuture<Void> waiter = signals.next("job_2");
        waiter.complete(null);
        signals.parked(waiter);
        assertThat(signals.waiting()).isZero();
    }

    private double gauge() {
        return metrics.get("firsthand.jobs.long_polls.waiting").gauge().value();
    }
}
