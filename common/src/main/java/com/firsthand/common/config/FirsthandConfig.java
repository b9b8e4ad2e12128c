package com.firsthand.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by every service, under the prefix {@code firsthand}. */
@ConfigMapping(prefix = "firsthand")
public interface FirsthandConfig {

    Admin admin();

    Cursor cursor();

    Idempotency idempotency();

    Outbox outbox();

    Kafka kafka();

    Auth auth();

    Credentials credentials();

    RateLimit rateLimit();

    Consumers consumers();

    /** How an event consumer retries a failing event before it dead-letters it (common EventConsumer). */
    interface Consumers {
        /** Attempts at an event before it goes to the dead-letter topic; a database outage is retried for ever. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failure; it doubles after each further one, up to max-backoff. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT5S")
        Duration maxBackoff();

        /** How long an event that needs another one applied first (EventNotYetApplicable) keeps being retried. */
        @WithDefault("PT2M")
        Duration dependencyWait();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per credential, on each replica. */
        @WithDefault("100")
        int requestsPerSecond();

        /** Requests a credential may send at once before the sustained rate applies. */
        @WithDefault("200")
        int burst();
    }

    interface Auth {
        /** How long a credential look-up is cached: the most a revoked key keeps working on a replica. */
        @WithDefault("PT2S")
        Duration cacheTtl();
    }

    interface Credentials {
        /** Build-time switch: keep a credential replica from credential.changed (every service but the owner). */
        @WithDefault("false")
        boolean replica();

        /**
         * Readiness fails when the replica has not reached, within this time, an end offset of credential.changed
         * it was shown: a revocation then takes at most about this long (plus the look-up cache) to apply.
         */
        @WithDefault("PT10S")
        Duration maxLag();
    }

    interface Admin {
        /** Bearer token of the /admin API; without one the admin API refuses every call. */
        Optional<String> token();
    }

    interface Cursor {
        /** HMAC key that signs pagination cursors; the same on every replica of a service. */
        @WithDefault("local-development-cursor-secret-change-me")
        String secret();
    }

    interface Idempotency {
        /** How long a key and its first response are kept (at least 24 h is promised). */
        @WithDefault("PT48H")
        Duration retention();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        /** Longest wait between two looks at the outbox when no commit woke the relay. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long relayed rows are kept for inspection before deletion. */
        @WithDefault("P3D")
        Duration retention();
    }

    interface Kafka {
        /** Create missing topics at start-up (off where Strimzi KafkaTopic resources own them). */
        @WithDefault("true")
        boolean provisionTopics();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
