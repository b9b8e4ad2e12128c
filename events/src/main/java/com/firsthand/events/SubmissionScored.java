package com.firsthand.events;

import java.time.Instant;
import java.util.List;

/**
 * scoring-service's verdict on one submission: 1-5 stars with reasoning the worker can act on.
 *
 * @param preScoring     true when a pre-scoring check decided it (1 star, no credit)
 * @param creditsCharged credits charged to the organisation for this score (0 or 1)
 * @param checks         the checks that ran, each with its outcome
 * @param scorer         which scorer produced the rating (local, openai, anthropic, pre-scoring)
 */
public record SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
        String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
        Instant scoredAt) {

    public record Check(String name, boolean passed, String detail) {
    }
}
