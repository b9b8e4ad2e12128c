package com.firsthand.scoring.domain;

/** The tokens a provider reported for one call; NONE when it reported none (or no provider was asked). */
public record TokenUsage(long inputTokens, long outputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public long total() {
        return inputTokens + outputTokens;
    }
}
