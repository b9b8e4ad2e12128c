package com.firsthand.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "firsthand.submissions")
public interface SubmissionsConfig {

    /** How long an accepted slot is held for the worker's upload before it is freed. */
    @WithDefault("PT30M")
    Duration assignmentTtl();

    /** How often expired holds are freed. */
    @WithDefault("10s")
    String expiryCheck();
}
