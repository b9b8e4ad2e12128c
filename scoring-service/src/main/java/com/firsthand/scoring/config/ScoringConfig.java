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

    /** Submissions scored at once by this replica. */
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

        @WithDefault("PT60S")
        Duration timeout();

        /** Retries within one attempt on 429, 5xx, timeouts and malformed answers, with backoff. */
        @WithDefault("2")
        int maxRetries();

        /** Images are downscaled to this longer side before they are sent. */
        @WithDefault("1568")
        int imageMaxSide();

        @WithDefault("400")
        int maxTokens();
    }
}
