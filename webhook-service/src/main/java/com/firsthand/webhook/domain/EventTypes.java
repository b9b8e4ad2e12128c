package com.firsthand.webhook.domain;

import java.util.List;

/** The public event types an endpoint may subscribe to ("*" subscribes to all). */
public final class EventTypes {

    public static final String SUBMISSION_SCORED = "submission.scored";
    public static final String SUBMISSION_APPROVED = "submission.approved";
    public static final String SUBMISSION_REJECTED = "submission.rejected";
    /** The buyer overrode the decision on a submission (with submission.approved or submission.rejected). */
    public static final String SUBMISSION_OVERRIDDEN = "submission.overridden";
    /** A worker's appeal was filed, scored again, upheld (with submission.approved) or denied. */
    public static final String SUBMISSION_APPEAL_UPDATED = "submission.appeal_updated";
    public static final String JOB_STATUS_CHANGED = "job.status_changed";
    public static final String JOB_COMPLETED = "job.completed";
    public static final String JOB_CANCELLED = "job.cancelled";
    public static final String ENDPOINT_DISABLED = "webhook_endpoint.disabled";
    public static final String ALL = "*";

    public static final List<String> KNOWN = List.of(SUBMISSION_SCORED, SUBMISSION_APPROVED, SUBMISSION_REJECTED,
            SUBMISSION_OVERRIDDEN, SUBMISSION_APPEAL_UPDATED, JOB_STATUS_CHANGED, JOB_COMPLETED, JOB_CANCELLED,
            ENDPOINT_DISABLED);

    private EventTypes() {
    }

    public static boolean subscribes(List<String> enabledEvents, String type) {
        return enabledEvents.contains(ALL) || enabledEvents.contains(type);
    }
}
