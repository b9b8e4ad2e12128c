package com.firsthand.submissions.rest.model;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The buyer's override of the AI's decision on a submission: final once made.
 *
 * @param previousStatus the status the buyer overrode
 */
public record OverrideResponse(@Schema(enumeration = {"approved", "rejected"}) String decision, String reason,
        @Schema(enumeration = {"approved", "rejected"}) String previousStatus, Instant overriddenAt) {
}
