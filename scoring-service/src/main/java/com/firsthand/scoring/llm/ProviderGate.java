package com.firsthand.scoring.llm;

import com.firsthand.scoring.domain.TokenUsage;
import com.firsthand.scoring.service.ProviderState;
import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides when a provider call may start. It holds, across this replica: the concurrency limit, lowered by half on
 * a 429 and raised by one per limit's worth of successes (AIMD); the requests- and tokens-per-minute caps over every
 * sliding minute; the pause a Retry-After asks for; and the circuit breaker, which stops calls after consecutive
 * 5xx, timeouts or refused connections and lets one probe through after its delay. Callers wait in FIFO order
 * without holding a thread.
 */
final class ProviderGate {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "provider-gate");
        thread.setDaemon(true);
        return thread;
    });

    record Limits(int maxInFlight, int requestsPerMinute, long tokensPerMinute, long tokensPerCallEstimate,
            int breakerFailures, Duration breakerDelay) {
    }

    /** The right to make one call; give it back through exactly one of the outcome methods. */
    static final class Permit {
        private final long grantedAt;
        private final SlidingWindow.Entry tokens;
        private boolean returned;

        private Permit(long grantedAt, SlidingWindow.Entry tokens) {
            this.grantedAt = grantedAt;
            this.tokens = tokens;
        }
    }

    private record Waiter(CompletableFuture<Permit> permit, long notBefore) {
    }

    private final Limits limits;
    private final LongSupplier nanos;
    private final CircuitBreaker<Object> breaker;
    private final LinkedList<Waiter> waiters = new LinkedList<>();
    /**
     * A second longer than the provider's minute: it counts a request when it arrives, a moment after it left here,
     * so a call let through the instant the oldest one leaves our window could still land inside its.
     */
    private final SlidingWindow requests = new SlidingWindow(MINUTE + TimeUnit.SECONDS.toNanos(1));
    private final SlidingWindow tokens = new SlidingWindow(MINUTE);
    private final AtomicLong throttled = new AtomicLong();
    private double concurrencyLimit;
    private int inFlight;
    private long pausedUntil;
    private long lastDecrease;
    private long tokensPerCall;
    private long wakeAt = Long.MAX_VALUE;

    ProviderGate(Limits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
        this.concurrencyLimit = limits.maxInFlight();
        this.tokensPerCall = limits.tokensPerCallEstimate();
        this.lastDecrease = Long.MIN_VALUE;
        this.pausedUntil = nanos.getAsLong();
        this.breaker = CircuitBreaker.builder().withFailureThreshold(limits.breakerFailures())
                .withDelay(limits.breakerDelay()).withSuccessThreshold(1).build();
    }

    /**
     * Completes when a call may start, not before {@code delay} from now; fails with {@link GateClosedException}
     * after {@code patience}, so an open breaker or a long pause does not hold a task for long.
     */
    CompletableFuture<Permit> acquire(Duration delay, Duration patience) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        synchronized (this) {
            waiters.addLast(new Waiter(permit, nanos.getAsLong() + Math.max(0, delay.toNanos())));
        }
        TIMER.schedule(() -> permit.completeExceptionally(new GateClosedException(patience, state())),
                delay.plus(patience).toNanos(), TimeUnit.NANOSECONDS);
        pump();
        return permit;
    }

    void succeeded(Permit permit, TokenUsage usage) {
        synchronized (this) {
            if (give(permit)) {
                breaker.recordSuccess();
                long used = usage.total();
                if (used > 0) {
                    tokens.correct(permit.tokens, used);
                    tokensPerCall = (tokensPerCall * 7 + used) / 8;
                }
                concurrencyLimit = Math.min(limits.maxInFlight(), concurrencyLimit + 1 / concurrencyLimit);
            }
        }
        pump();
    }

    /** A 429: halve the concurrency (once per round of calls) and pause everyone for the provider's wait. */
    void throttled(Permit permit, Duration retryAfter) {
        synchronized (this) {
            if (give(permit)) {
                throttled.incrementAndGet();
                breaker.recordSuccess();
                long now = nanos.getAsLong();
                if (permit.grantedAt > lastDecrease) {
                    concurrencyLimit = Math.max(1, concurrencyLimit / 2);
                    lastDecrease = now;
                }
                Duration wait = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
                pausedUntil = Math.max(pausedUntil, now + wait.toNanos());
            }
        }
        pump();
    }

    /** A 5xx, a timeout or no connection: counts toward opening the breaker. */
    void failed(Permit permit) {
        synchronized (this) {
            if (give(permit)) {
                breaker.recordFailure();
            }
        }
        pump();
    }

    /** The provider answered, but with nothing usable (a refusal, a malformed answer): not its health's fault. */
    void answered(Permit permit) {
        synchronized (this) {
            if (give(permit)) {
                breaker.recordSuccess();
            }
        }
        pump();
    }

    /** False while the breaker is open and its delay runs: do not take on more work that needs the provider. */
    synchronized boolean accepting() {
        return !breaker.isOpen() || breaker.getRemainingDelay().isZero();
    }

    synchronized ProviderState state() {
        String breakerState = breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
        return new ProviderState(breakerState, (int) concurrencyLimit, inFlight,
                (int) waiters.stream().filter(waiter -> !waiter.permit().isDone()).count(), throttled.get());
    }

    private boolean give(Permit permit) {
        if (permit.returned) {
            return false;
        }
        permit.returned = true;
        inFlight--;
        return true;
    }

    /** Looks at the waiters again now; the gate does so by itself on every change and when time frees a slot. */
    void poll() {
        pump();
    }

    private void pump() {
        List<Grant> granted = new ArrayList<>();
        long next;
        synchronized (this) {
            next = grant(granted);
            if (next < wakeAt) {
                wakeAt = next;
                long delay = Math.max(1, next - nanos.getAsLong());
                TIMER.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
            }
        }
        // completed outside the lock: what follows (sending) must not run under it
        granted.forEach(grant -> {
            if (!grant.waiter().complete(grant.permit())) {
                answered(grant.permit());
            }
        });
    }

    private record Grant(CompletableFuture<Permit> waiter, Permit permit) {
    }

    private void wake() {
        synchronized (this) {
            wakeAt = Long.MAX_VALUE;
        }
        pump();
    }

    /** Grants what may start now; returns when to look again for waiters held by time, or MAX_VALUE. */
    private long grant(List<Grant> granted) {
        long now = nanos.getAsLong();
        long next = Long.MAX_VALUE;
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter waiter = it.next();
            if (waiter.permit().isDone()) {
                it.remove();
                continue;
            }
            if (waiter.notBefore() > now) {
                next = Math.min(next, waiter.notBefore());
                continue;
            }
            long blockedUntil = blockedUntil(now);
            if (blockedUntil != 0) {
                return Math.min(next, blockedUntil);
            }
            if (inFlight >= (int) concurrencyLimit || !breaker.tryAcquirePermit()) {
                return breaker.isOpen() ? Math.min(next, now + Math.max(breaker.getRemainingDelay().toNanos(),
                        TimeUnit.MILLISECONDS.toNanos(50))) : next;
            }
            it.remove();
            requests.add(now, 1);
            Permit permit = new Permit(now, tokens.add(now, tokensPerCall));
            inFlight++;
            granted.add(new Grant(waiter.permit(), permit));
        }
        return next;
    }

    /** 0 when a call may start as far as pauses and per-minute caps go, else the time it may. */
    private long blockedUntil(long now) {
        if (now < pausedUntil) {
            return pausedUntil;
        }
        if (limits.requestsPerMinute() > 0 && requests.sum(now) >= limits.requestsPerMinute()) {
            return requests.nextExpiry(now);
        }
        if (limits.tokensPerMinute() > 0 && !tokens.isEmpty(now)
                && tokens.sum(now) + tokensPerCall > limits.tokensPerMinute()) {
            return tokens.nextExpiry(now);
        }
        return 0;
    }
}
