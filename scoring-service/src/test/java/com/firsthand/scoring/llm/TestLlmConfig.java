package com.firsthand.scoring.llm;

import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.config.ScoringConfig.AuthStyle;
import com.firsthand.scoring.config.ScoringConfig.Temperature;
import com.firsthand.scoring.config.ScoringConfig.TokenLimitField;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** An LLM configuration for tests, with withers for the settings the robustness tests vary. */
record TestLlmConfig(URI baseUrl, int maxRetries, int maxTokens, TokenLimitField tokenLimitField,
        Temperature temperature, AuthStyle authStyle) implements ScoringConfig.Llm {

    static TestLlmConfig of(String baseUrl) {
        return new TestLlmConfig(URI.create(baseUrl), 0, 200, TokenLimitField.MAX_TOKENS, new Temperature(0.0),
                AuthStyle.BEARER);
    }

    TestLlmConfig retries(int retries) {
        return new TestLlmConfig(baseUrl, retries, maxTokens, tokenLimitField, temperature, authStyle);
    }

    TestLlmConfig tokenField(TokenLimitField field) {
        return new TestLlmConfig(baseUrl, maxRetries, maxTokens, field, temperature, authStyle);
    }

    TestLlmConfig temperature(Temperature value) {
        return new TestLlmConfig(baseUrl, maxRetries, maxTokens, tokenLimitField, value, authStyle);
    }

    TestLlmConfig auth(AuthStyle style) {
        return new TestLlmConfig(baseUrl, maxRetries, maxTokens, tokenLimitField, temperature, style);
    }

    @Override
    public Optional<URI> url() {
        return Optional.of(baseUrl);
    }

    @Override
    public Optional<String> model() {
        return Optional.of("vision-test");
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of("sk-test");
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public int imageMaxSide() {
        return 512;
    }

    @Override
    public float jpegQuality() {
        return 0.85f;
    }

    @Override
    public int maxInFlight() {
        return 8;
    }

    @Override
    public int requestsPerMinute() {
        return 0;
    }

    @Override
    public long tokensPerMinute() {
        return 0;
    }

    @Override
    public long tokensPerCallEstimate() {
        return 1000;
    }

    @Override
    public Breaker breaker() {
        return new Breaker() {
            @Override
            public int failures() {
                return 5;
            }

            @Override
            public Duration delay() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
