package com.firsthand.submissions.service;

import com.firsthand.submissions.config.UploadsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The uploads this pod is receiving: how many per worker, and how many bytes in all may be spooled to disk. An
 * upload is admitted with a {@link Ticket} that its request releases however it ends.
 */
@ApplicationScoped
public class UploadsInFlight {

    /** Why an upload was not admitted. */
    public enum Refusal { WORKER_BUSY, SPOOL_FULL }

    /** An admitted upload's share; releasing it more than once releases it once. */
    public final class Ticket {
        private final String workerId;
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(String workerId, long bytes) {
            this.workerId = workerId;
            this.bytes = bytes;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                give(workerId, bytes);
            }
        }
    }

    /** Exactly one of ticket and refusal. */
    public record Admission(Ticket ticket, Refusal refusal) {
    }

    private final int maxPerWorker;
    private final long budget;
    private final Map<String, Integer> perWorker = new HashMap<>();
    private long spooled;

    @Inject
    public UploadsInFlight(UploadsConfig config) {
        this(config.maxInFlightPerWorker(), config.spoolBudget().asLongValue());
    }

    UploadsInFlight(int maxPerWorker, long budget) {
        this.maxPerWorker = maxPerWorker;
        this.budget = budget;
    }

    /** Admits an upload of at most {@code bytes} for the worker, or says why not. */
    public synchronized Admission admit(String workerId, long bytes) {
        if (perWorker.getOrDefault(workerId, 0) >= maxPerWorker) {
            return new Admission(null, Refusal.WORKER_BUSY);
        }
        if (spooled + bytes > budget) {
            return new Admission(null, Refusal.SPOOL_FULL);
        }
        perWorker.merge(workerId, 1, Integer::sum);
        spooled += bytes;
        return new Admission(new Ticket(workerId, bytes), null);
    }

    public synchronized int inFlight(String workerId) {
        return perWorker.getOrDefault(workerId, 0);
    }

    public synchronized long spooledBytes() {
        return spooled;
    }

    private synchronized void give(String workerId, long bytes) {
        perWorker.computeIfPresent(workerId, (worker, count) -> count <= 1 ? null : count - 1);
        spooled -= bytes;
    }
}
