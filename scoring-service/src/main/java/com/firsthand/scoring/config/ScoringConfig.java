package com.firsthand.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "firsthand.scoring")
public interface ScoringConfig {

    /** Which scorer rates submissions that pass the pre-scoring checks: local, openai or anthropic. */
    @WithDefault("local")
    String scorer();

    /** Largest dHash Hamming distance (of 64 bits) at which two images count as the same photo. */
    @WithDefault("6")
    int duplicateMaxDistance();

    /**
     * Threads reading, decoding and measuring files (CPU-bound work) on this replica. Provider calls do not take
     * one of them while they wait: see {@code firsthand.scoring.llm.max-in-flight}.
     */
    @WithDefault("2")
    int concurrency();

    /**
     * A claimed task whose replica died is taken up again after this long. Renewed every
     * {@code firsthand.scoring.lease-renewal} (default 5 s) while the task is worked on.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** How often the leases of tasks in progress are extended; well below {@link #lease()}. */
    @WithDefault("5s")
    String leaseRenewal();

    /** Largest image accepted for decoding, in pixels (the upload path refuses larger ones already). */
    @WithDefault("100000000")
    long maxImagePixels();

    Retry retry();

    Llm llm();

    interface Retry {

        /** First wait before a task whose scorer or file was unavailable is tried again; doubles each time. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        /**
         * How long an LLM provider may keep failing on one submission before the local scorer rates it instead
         * (the reasoning says so). A score is never invented.
         */
        @WithDefault("PT1H")
        Duration llmGiveUpAfter();
    }

    interface Llm {

        /** Base URL: https://api.openai.com/v1 (or any OpenAI-compatible server), https://api.anthropic.com/v1. */
        Optional<URI> url();

        Optional<String> model();

        /** From the environment (FIRSTHAND_SCORING_LLM_API_KEY); never committed. */
        Optional<String> apiKey();

        /**
         * Longest wait for one call's answer, and for a call to be let through the limits; past it the task goes
         * back to the queue with backoff, so a slow provider does not hold a task for minutes.
         */
        @WithDefault("PT30S")
        Duration timeout();

        /** Retries within one attempt on 429, 5xx, timeouts and malformed answers, with backoff. */
        @WithDefault("2")
        int maxRetries();

        /**
         * Provider calls this replica keeps in flight at most (each waits without a thread). The limit in force is
         * lowered on 429 and recovers on success. 256 carries 20 scores/s at 10 s per answer with room to spare.
         */
        @WithDefault("256")
        int maxInFlight();

        /** The provider's requests-per-minute cap for this replica, over every sliding minute; 0 for none. */
        @WithDefault("0")
        int requestsPerMinute();

        /**
         * The provider's tokens-per-minute cap for this replica; 0 for none. A call is let through when the tokens
         * reported in the last minute plus an estimate for it (the recent average) fit.
         */
        @WithDefault("0")
        long tokensPerMinute();

        /** The estimate per call until providers have reported usage. */
        @WithDefault("1000")
        long tokensPerCallEstimate();

        Breaker breaker();

        interface Breaker {

            /** Consecutive 5xx answers, timeouts or refused connections that open the circuit breaker. */
            @WithDefault("5")
            int failures();

            /** How long the breaker stays open before one probe call is let through. */
            @WithDefault("PT15S")
            Duration delay();
        }

        /** Images are downscaled to this longer side before they are sent. */
        @WithDefault("1568")
        int imageMaxSide();

        @WithDefault("400")
        int maxTokens();
    }
}
