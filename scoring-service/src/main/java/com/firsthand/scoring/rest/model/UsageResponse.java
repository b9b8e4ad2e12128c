package com.firsthand.scoring.rest.model;

import java.time.Instant;

/**
 * Scoring an organisation used in a period. Credits are charged for AI scores and, with the local scorer
 * configured, local scores; pre-scoring rejections and local fallbacks (the provider gave up) cost nothing.
 *
 * @param aiScores       verdicts an AI provider gave
 * @param inputTokens    input tokens the provider reported for them
 * @param outputTokens   output tokens the provider reported for them
 * @param localFallbacks verdicts the local scorer gave because the provider gave up (not charged)
 */
public record UsageResponse(String object, long creditsUsed, long submissionsScored, long aiScores,
        long inputTokens, long outputTokens, long localFallbacks, Instant startDate, Instant endDate) {
}
