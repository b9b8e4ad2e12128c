package com.firsthand.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
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

    /** How often appeals waiting for the appeal scorer are looked for (ScoreAppeals). */
    @WithDefault("1s")
    String appealPoll();

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

        /**
         * Images are downscaled to this longer side before they are sent. 1024 (not more) because of what the
         * providers bill for an image: OpenAI's tiled models fit the image in 2048², scale its shorter side down to
         * 768 and count 85 + 170 tokens per 512-px tile, so a 4:3 photo costs 4 tiles = 765 tokens whether it is
         * sent at 1024×768 or 1568×1176 — the extra pixels are thrown away on arrival; Anthropic counts about
         * w·h/750 tokens (capped near 1.15 MP ≈ 1,600), so 1024×768 costs ≈ 1,050 tokens against ≈ 1,600 at 1568 —
         * about a third less, with detail still enough to judge content and sharpness. 768 would save Anthropic
         * tokens again (≈ 590) but not OpenAI ones (576 px is still more than one tile high) while losing detail.
         */
        @WithDefault("1024")
        int imageMaxSide();

        /** JPEG quality (0-1] of the image sent to the provider; 0.85 keeps detail at about half the bytes of 0.95. */
        @WithDefault("0.85")
        float jpegQuality();

        /**
         * The answer's token budget. An answer cut off at this limit that does not hold a complete rating is final,
         * not retried (the same request is cut the same way), and the local scorer rates the file.
         */
        @WithDefault("400")
        int maxTokens();

        /**
         * Which request field carries {@link #maxTokens()} to an OpenAI-compatible server: max_tokens (most
         * servers) or max_completion_tokens (OpenAI's reasoning models, which reject max_tokens). Switched
         * automatically, once, when the server answers that the field is unsupported.
         */
        @WithDefault("max_tokens")
        TokenLimitField tokenLimitField();

        /**
         * Sampling temperature sent to the provider; {@code none} leaves the field out (the model's default). Left
         * out automatically, once, when an OpenAI-compatible server answers that it does not support it.
         */
        @WithDefault("0")
        Temperature temperature();

        /**
         * How an OpenAI-compatible server takes the API key: {@code bearer} (Authorization: Bearer, OpenAI and most
         * servers) or {@code api-key} (the api-key header of Azure OpenAI's key authentication).
         */
        @WithDefault("bearer")
        AuthStyle authStyle();
    }

    enum TokenLimitField {
        MAX_TOKENS, MAX_COMPLETION_TOKENS;

        /** The JSON field name in the request. */
        public String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum AuthStyle {
        BEARER, API_KEY
    }

    /**
     * A sampling temperature, or none (the request leaves the field out).
     *
     * @param value between 0 and 2, or null for none
     */
    record Temperature(Double value) {

        public static final Temperature NONE = new Temperature(null);

        public Temperature {
            if (value != null && !(value >= 0 && value <= 2)) {
                throw new IllegalArgumentException("firsthand.scoring.llm.temperature must be none or 0 to 2, not "
                        + value);
            }
        }

        /** Reads the configured text: {@code none}, or a number from 0 to 2. */
        public static Temperature of(String text) {
            String value = text == null ? "" : text.strip();
            if (value.isEmpty() || value.equalsIgnoreCase("none")) {
                return NONE;
            }
            return new Temperature(Double.valueOf(value));
        }

        public Optional<Double> sent() {
            return Optional.ofNullable(value);
        }
    }
}
