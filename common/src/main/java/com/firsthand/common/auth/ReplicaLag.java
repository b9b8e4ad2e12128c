package com.firsthand.common.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a consumer lags behind its topic by time, not by record count: it lags when it has not reached, within
 * {@code maxLag}, an end offset it was shown. A quiet topic whose consumer is at the end never lags; a busy one
 * lags only when the consumer falls behind for longer than {@code maxLag}. Fed by successive readiness checks.
 */
final class ReplicaLag {

    private record Target(long endOffset, Instant seenAt) {
    }

    private final Duration maxLag;
    private final Map<Integer, Target> targets = new HashMap<>();

    ReplicaLag(Duration maxLag) {
        this.maxLag = maxLag;
    }

    /**
     * @param ends      each partition's end offset now
     * @param committed the consumer's committed offset per partition (missing: nothing committed yet)
     * @return the partitions lagging for longer than maxLag, empty when the consumer keeps up
     */
    synchronized List<Integer> lagging(Map<Integer, Long> ends, Map<Integer, Long> committed, Instant now) {
        List<Integer> lagging = new ArrayList<>();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            int partition = end.getKey();
            long position = committed.getOrDefault(partition, 0L);
            Target target = targets.get(partition);
            if (position >= end.getValue()) {
                targets.remove(partition);
            } else if (target == null || position >= target.endOffset()) {
                targets.put(partition, new Target(end.getValue(), now));
            } else if (Duration.between(target.seenAt(), now).compareTo(maxLag) > 0) {
                lagging.add(partition);
            }
        }
        return lagging;
    }
}
