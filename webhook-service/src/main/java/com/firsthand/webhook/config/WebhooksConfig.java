package com.firsthand.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "firsthand.webhooks")
public interface WebhooksConfig {

    /**
     * Allow endpoints on loopback and private networks: for local development, where a developer receives
     * webhooks on localhost. Off by default, and so in production.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * Allow endpoints on loopback only (127.0.0.0/8, ::1): what the local stack needs for a receiver on
     * localhost, while private networks and cloud metadata addresses stay refused. Off by default.
     */
    @WithDefault("false")
    boolean allowLoopbackTargets();

    /**
     * Accept https:// endpoint URLs only (production); the local stack and tests also take http:// to the
     * addresses the two settings above allow. On by default.
     */
    @WithDefault("true")
    boolean requireHttpsTargets();

    /** Delay before each attempt: the first entry is the first attempt, one attempt per entry (Svix's). */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each delay is spread by up to this fraction either way, so retries of many events do not align. */
    @WithDefault("0.1")
    double jitter();

    /** Longest wait a receiver's Retry-After may impose before the next attempt. */
    @WithDefault("1h")
    Duration retryAfterMax();

    /** Per-attempt timeout: connect, write and read together. */
    @WithDefault("15s")
    Duration attemptTimeout();

    /** An endpoint whose deliveries fail without a success for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretRotationGrace();

    /** How long public events (and their deliveries) are kept. */
    @WithDefault("30d")
    Duration eventRetention();

    Dispatcher dispatcher();

    interface Dispatcher {
        @WithDefault("true")
        boolean enabled();

        /** Threads sending requests, shared by every endpoint: the global bound on attempts in flight. */
        @WithDefault("128")
        int threads();

        /** Attempts in flight to one endpoint on one replica; a hanging endpoint holds at most this many. */
        @WithDefault("16")
        int perEndpointConcurrency();

        /** Longest wait between two looks at the table when no new event woke the dispatcher. */
        @WithDefault("250ms")
        Duration pollInterval();
    }
}
