package com.firsthand.jobs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "firsthand.jobs")
public interface JobsConfig {

    /** How often overdue jobs are moved to expired. */
    @WithDefault("15s")
    String expiryCheck();

    /** Longest long-poll a GET /v1/jobs/{id} may hold, in seconds; larger Prefer: wait values are clamped. */
    @WithDefault("30")
    int maxWait();

    default Duration maxWaitDuration() {
        return Duration.ofSeconds(maxWait());
    }
}
