package com.firsthand.submissions.rest.model;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One decision on a submission, as the decision record keeps it.
 *
 * @param sequence 1 for the first decision, then in the order they were made
 * @param decidedBy the AI scorer, the pre-scoring checks (facts such as a duplicate or the minimum size), the
 *     appeal scorer (a worker's appeal scored again), or the buyer
 * @param scorer the AI scorer that decided (local, openai, anthropic, pre-scoring); null for the buyer and for
 *     scores recorded before it was kept
 * @param model the model the scorer asked, and {@code rubricVersion} the rubric it applied; null where
 *     {@code scorer} is
 * @param apiKeyId the buyer's API key that made a buyer decision
 * @param stars the AI's stars; null for a buyer decision
 */
public record DecisionResponse(String object, String id, String submissionId, int sequence,
        @Schema(enumeration = {"scorer", "pre_scoring", "appeal_scorer", "buyer"}) String decidedBy, String scorer,
        String model,
        String rubricVersion, String apiKeyId, Integer stars, String reasoning,
        @Schema(enumeration = {"approved", "rejected"}) String outcome, Instant decidedAt) {
}
