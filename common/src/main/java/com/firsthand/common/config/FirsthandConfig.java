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
