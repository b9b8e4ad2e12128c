package com.firsthand.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "firsthand.submissions")
public interface SubmissionsConfig {

    /** How long an accepted slot is held for the worker's upload before it is freed. */
    @WithDefault("PT30M")
    Duration assignmentTtl();

    /** How often expired holds are freed (and holds about to expire announced). */
    @WithDefault("10s")
    String expiryCheck();

    /** How long before a held slot lapses its worker is told (assignment.expiring). */
    @WithDefault("PT5M")
    Duration assignmentExpiringNotice();

    /** How long a worker's events are kept (GET /v1/worker/events). */
    @WithDefault("P30D")
    Duration workerEventRetention();

    /** How often events past the retention are deleted. */
    @WithDefault("1h")
    String workerEventSweep();

    /** Longest long-poll a GET /v1/worker/events may hold, in seconds; larger Prefer: wait values are clamped. */
    @WithDefault("30")
    int maxWait();

    /**
     * How old an upload in quarantine must be before the sweep may delete it for want of a submission: an upload
     * in progress stores its file seconds before its submission commits.
     */
    @WithDefault("PT1H")
    Duration orphanUploadGrace();

    /** How often uploads no submission refers to are swept; "off" disables the sweep. */
    @WithDefault("1h")
    String orphanUploadSweep();

    /** How long after its score a buyer may override the decision on a submission. */
    @WithDefault("P30D")
    Duration overrideWindow();

    /** How long after its score a worker may appeal a rejection. */
    @WithDefault("P7D")
    Duration appealWindow();

    /** How often appeals the buyer left unanswered past the override window are closed as denied. */
    @WithDefault("1h")
    String appealSweep();

    /** How often quarantine originals past their use are deleted (approved, or rejected past the retention). */
    @WithDefault("1h")
    String originalSweep();
}
