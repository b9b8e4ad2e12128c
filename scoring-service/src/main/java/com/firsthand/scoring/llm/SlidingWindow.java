package com.firsthand.scoring.llm;

import java.util.ArrayDeque;

/**
 * What was used in the last {@code window}: requests or tokens. Every 60-s span, not just calendar minutes, stays
 * within the limit this is checked against. An entry can be corrected later (a call's reported token count
 * replaces its estimate).
 */
final class SlidingWindow {

    static final class Entry {
        private final long at;
        private long amount;
        private boolean counted = true;

        private Entry(long at, long amount) {
            this.at = at;
            this.amount = amount;
        }
    }

    private final long windowNanos;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long sum;

    SlidingWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    Entry add(long now, long amount) {
        evict(now);
        Entry entry = new Entry(now, amount);
        entries.addLast(entry);
        sum += amount;
        return entry;
    }

    void correct(Entry entry, long amount) {
        if (entry.counted) {
            sum += amount - entry.amount;
        }
        entry.amount = amount;
    }

    long sum(long now) {
        evict(now);
        return sum;
    }

    boolean isEmpty(long now) {
        evict(now);
        return entries.isEmpty();
    }

    /** When the oldest entry leaves the window (now when it is empty). */
    long nextExpiry(long now) {
        evict(now);
        return entries.isEmpty() ? now : entries.peekFirst().at + windowNanos;
    }

    private void evict(long now) {
        while (!entries.isEmpty() && entries.peekFirst().at + windowNanos <= now) {
            Entry gone = entries.removeFirst();
            gone.counted = false;
            sum -= gone.amount;
        }
    }
}
