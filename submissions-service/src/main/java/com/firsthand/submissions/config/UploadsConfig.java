package com.firsthand.submissions.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Admission of uploads, decided from the headers before the framework spools a body to disk. */
@ConfigMapping(prefix = "firsthand.uploads")
public interface UploadsConfig {

    /** Uploads one worker may have in flight on one pod; the next is a 429 until one ends. */
    @WithDefault("2")
    int maxInFlightPerWorker();

    /**
     * Bytes all uploads in flight on one pod may spool (their declared lengths; a body without one counts as
     * {@code quarkus.http.limits.max-body-size}); beyond it a 503. Keep it below the pod's /tmp volume.
     */
    @WithDefault("512M")
    MemorySize spoolBudget();

    /** The Retry-After of both refusals. */
    @WithDefault("PT5S")
    Duration retryAfter();
}
