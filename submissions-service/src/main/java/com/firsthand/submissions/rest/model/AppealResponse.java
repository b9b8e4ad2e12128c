package com.firsthand.submissions.rest.model;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The worker's appeal of a rejection.
 *
 * @param status pending (with the appeal scorer, or, once {@code rescoreStars} is set, waiting for the buyer's
 *     decision), upheld (the appeal scorer approved it), denied (the buyer let the rejection stand) or
 *     decided_by_buyer
 * @param disputedFact why the worker says a pre-scoring fact (a duplicate, the minimum size) is wrong
 * @param rescoreStars the appeal scorer's stars; null until it scored
 */
public record AppealResponse(
        @Schema(enumeration = {"pending", "upheld", "denied", "decided_by_buyer"}) String status, String message,
        String disputedFact, Instant appealedAt, Integer rescoreStars, String rescoreReasoning, Instant decidedAt) {
}
