package com.firsthand.submissions.rest.model;

import java.time.Instant;
import java.util.List;

/**
 * How far the AI's verdicts agree with the buyer's over a period: every AI decision (not the pre-scoring checks'
 * facts) against the buyer's verdict on the same submission: the override where there was one, else the verdict
 * the buyer let stand (the AI's, or an upheld appeal's).
 *
 * @param jobId the job measured; null for the whole organisation
 * @param overturned decisions the buyer's verdict contradicts (an override, or an upheld appeal the buyer let
 *     stand)
 * @param agreementRate share of decisions the buyer agreed with; null without decisions
 * @param cohensKappa agreement beyond chance, from -1 to 1; null when undefined (no decisions, or every verdict of
 *     both the same)
 */
public record CalibrationResponse(String object, String jobId, Instant startDate, Instant endDate, long decisions,
        long overturned, Double agreementRate, Double cohensKappa, ConfusionMatrix confusionMatrix,
        List<ByScorer> byScorer) {

    public record ConfusionMatrix(long aiApprovedBuyerApproved, long aiApprovedBuyerRejected,
            long aiRejectedBuyerApproved, long aiRejectedBuyerRejected) {
    }

    /** @param model null for scores recorded before the model was kept */
    public record ByScorer(String scorer, String model, long decisions, long overturned, double overturnRate) {
    }
}
