package com.firsthand.events;

import java.util.Set;

/** A submission's status words: pending_score, then approved or rejected (retry_pending once re-accepted). */
public final class SubmissionStatuses {

    public static final String PENDING_SCORE = "pending_score";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String RETRY_PENDING = "retry_pending";

    public static final Set<String> ALL = Set.of(PENDING_SCORE, APPROVED, REJECTED, RETRY_PENDING);

    private SubmissionStatuses() {
    }
}
