package com.firsthand.events;

import java.util.List;
import java.util.Set;

/**
 * Every Kafka topic of the platform: aggregate, then what happened, in the past tense. The event type equals
 * the topic name; messages are keyed by the aggregate id so one aggregate's events stay in order.
 */
public final class Topics {

    /** Full state of one credential (API key or worker token), keyed by credential id; compacted. */
    public static final String CREDENTIAL_CHANGED = "credential.changed";
    public static final String JOB_CREATED = "job.created";
    public static final String JOB_STATUS_CHANGED = "job.status_changed";
    public static final String JOB_CAPACITY_CHANGED = "job.capacity_changed";
    public static final String SUBMISSION_UPLOADED = "submission.uploaded";
    public static final String SUBMISSION_SCORED = "submission.scored";
    public static final String SUBMISSION_STATUS_CHANGED = "submission.status_changed";
    /** A worker appealed a rejection; scoring-service scores the file again. */
    public static final String SUBMISSION_APPEALED = "submission.appealed";
    /**
     * Records a consumer gave up on, from any topic, with the reason and the source topic, partition and offset
     * in their headers (not an event type: its messages are other topics' records).
     */
    public static final String DEAD_LETTER = "firsthand.dead_letter";

    public static final List<String> ALL = List.of(CREDENTIAL_CHANGED, JOB_CREATED, JOB_STATUS_CHANGED,
            JOB_CAPACITY_CHANGED, SUBMISSION_UPLOADED, SUBMISSION_SCORED, SUBMISSION_STATUS_CHANGED,
            SUBMISSION_APPEALED, DEAD_LETTER);

    public static final Set<String> COMPACTED = Set.of(CREDENTIAL_CHANGED);

    private Topics() {
    }
}
