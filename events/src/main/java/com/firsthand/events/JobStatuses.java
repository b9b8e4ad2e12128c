package com.firsthand.events;

import java.util.Set;

/** A job's status words as every service and event says them; jobs-service owns the lifecycle (its README). */
public final class JobStatuses {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";
    public static final String FILLED = "filled";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String EXPIRED = "expired";

    public static final Set<String> ALL = Set.of(OPEN, IN_PROGRESS, FILLED, COMPLETED, CANCELLED, EXPIRED);
    /** A job in one of these never changes again and takes no new work. */
    public static final Set<String> FINAL = Set.of(COMPLETED, CANCELLED, EXPIRED);

    private JobStatuses() {
    }

    public static boolean isFinal(String status) {
        return FINAL.contains(status);
    }
}
