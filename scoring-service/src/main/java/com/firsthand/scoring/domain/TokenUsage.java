package com.firsthand.scoring.domain;

/**
 * The tokens a provider billed for one answer, as its response reports them (OpenAI: usage.prompt_tokens and
 * usage.completion_tokens; Anthropic: usage.input_tokens and usage.output_tokens).
 */
public record TokenUsage(long inputTokens, long outputTokens) {

    /** Nothing reported (or nothing spent: the local scorer). */
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public long total() {
        return inputTokens + outputTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return other == null ? this : new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
