package com.firsthand.scoring.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.scoring.domain.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gate's rules on a hand-moved clock (the breaker's delay runs on real time: it is Failsafe's). */
class ProviderGateTest {

    private static final Duration NO_DELAY = Duration.ZERO;
    private static final Duration PATIENCE = Duration.ofHours(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ProviderGate gate(int maxInFlight, int rpm, long tpm, int breakerFailures, Duration breakerDelay) {
        return new ProviderGate(new ProviderGate.Limits(maxInFlight, rpm, tpm, 1000, breakerFailures, breakerDelay),
                now::get);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private static List<CompletableFuture<ProviderGate.Permit>> acquire(ProviderGate gate, int calls) {
        List<CompletableFuture<ProviderGate.Permit>> permits = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            permits.add(gate.acquire(NO_DELAY, PATIENCE));
        }
        return permits;
    }

    private static long granted(List<CompletableFuture<ProviderGate.Permit>> permits) {
        return permits.stream().filter(CompletableFuture::isDone).count();
    }

    @Test
    void noSlidingMinuteLetsMoreThanTheRequestsPerMinuteStart() throws Exception {
        ProviderGate gate = gate(100, 10, 0, 5, Duration.ofSeconds(10));
        List<CompletableFuture<ProviderGate.Permit>> permits = acquire(gate, 25);
        assertThat(granted(permits)).isEqualTo(10);
        for (CompletableFuture<ProviderGate.Permit> permit : permits.subList(0, 10)) {
            gate.succeeded(permit.get(), new TokenUsage(500, 20));
        }
        advance(Duration.ofSeconds(60));
        gate.poll();
        assertThat(granted(permits)).as("still inside the first minute (and the second of margin)").isEqualTo(10);
        advance(Duration.ofSeconds(1));
        gate.poll();
        assertThat(granted(permits)).as("the first minute's calls left the window").isEqualTo(20);
    }

    @Test
    void tokensPerMinuteCountWhatTheProviderReported() throws Exception {
        ProviderGate gate = gate(100, 0, 3000, 5, Duration.ofSeconds(10));
        List<CompletableFuture<ProviderGate.Permit>> permits = acquire(gate, 10);
        assertThat(granted(permits)).as("three estimates of 1000 fit 3000").isEqualTo(3);
        for (CompletableFuture<ProviderGate.Permit> permit : permits.subList(0, 3)) {
            gate.succeeded(permit.get(), new TokenUsage(280, 20));
        }
        gate.poll();
        assertThat(granted(permits)).as("reported usage (300 each) frees room the estimates held").isGreaterThan(3);
        advance(Duration.ofSeconds(61));
        gate.poll();
        assertThat(granted(permits)).isGreaterThan(5);
    }

    @Test
    void a429HalvesTheConcurrencyPausesForRetryAfterAndSuccessesRestoreIt() throws Exception {
        ProviderGate gate = gate(8, 0, 0, 5, Duration.ofSeconds(10));
        List<CompletableFuture<ProviderGate.Permit>> first = acquire(gate, 8);
        List<CompletableFuture<ProviderGate.Permit>> queued = acquire(gate, 40);
        assertThat(granted(first)).isEqualTo(8);
        assertThat(granted(queued)).isZero();

        gate.throttled(first.get(0).get(), Duration.ofSeconds(2));
        gate.throttled(first.get(1).get(), Duration.ofSeconds(2));
        assertThat(gate.state().concurrencyLimit()).as("halved once for one round of calls").isEqualTo(4);
        assertThat(gate.state().throttled()).isEqualTo(2);
        for (int i = 2; i < 8; i++) {
            gate.answered(first.get(i).get());
        }
        assertThat(granted(queued)).as("paused by Retry-After").isZero();
        advance(Duration.ofSeconds(2));
        gate.poll();
        assertThat(granted(queued)).isEqualTo(4);

        int index = 0;
        while (gate.state().concurrencyLimit() < 8 && index < queued.size()) {
            CompletableFuture<ProviderGate.Permit> next = queued.get(index++);
            await().atMost(Duration.ofSeconds(5)).until(next::isDone);
            gate.succeeded(next.get(), TokenUsage.NONE);
        }
        assertThat(gate.state().concurrencyLimit()).as("recovered additively").isEqualTo(8);
        assertThat(gate.state().inFlight()).isLessThanOrEqualTo(8);
    }

    @Test
    void theBreakerOpensOnConsecutiveFailuresLetsOneProbeThroughAndClosesOnItsSuccess() throws Exception {
        ProviderGate gate = gate(10, 0, 0, 3, Duration.ofMillis(300));
        List<CompletableFuture<ProviderGate.Permit>> failing = acquire(gate, 3);
        for (CompletableFuture<ProviderGate.Permit> permit : failing) {
            gate.failed(permit.get());
        }
        assertThat(gate.accepting()).isFalse();
        assertThat(gate.state().breaker()).isEqualTo("open");
        List<CompletableFuture<ProviderGate.Permit>> waiting = acquire(gate, 5);
        assertThat(granted(waiting)).isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> granted(waiting) == 1);
        assertThat(gate.state().breaker()).isEqualTo("half_open");
        CompletableFuture<ProviderGate.Permit> probe = waiting.stream().filter(CompletableFuture::isDone).findFirst()
                .orElseThrow();
        gate.succeeded(probe.get(), TokenUsage.NONE);
        assertThat(gate.state().breaker()).isEqualTo("closed");
        assertThat(granted(waiting)).isEqualTo(5);
        assertThat(gate.accepting()).isTrue();
    }

    @Test
    void aCallThatCannotStartWithinThePatienceFailsSoTheTaskCanGoBack() {
        ProviderGate gate = gate(1, 0, 0, 5, Duration.ofSeconds(10));
        gate.acquire(NO_DELAY, PATIENCE);
        CompletableFuture<ProviderGate.Permit> blocked = gate.acquire(NO_DELAY, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(5)).until(blocked::isDone);
        assertThat(blocked).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(GateClosedException.class);
        assertThat(gate.state().waiting()).as("the given-up waiter left the queue").isLessThanOrEqualTo(1);
    }
}
