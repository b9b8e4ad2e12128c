package com.firsthand.jobs.rest.model;

/** Where a job's slots stand, as last reported by the worker side. */
public record SubmissionSummary(int pendingScore, int approved, int rejected, int slotsHeld, int slotsRemaining,
        Double avgAiStarRating) {
}
