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
 * @param location       what the photo's GPS position says about the job's location (never the position itself);
 *                       null when the job has no location or the file is not an image (added later: optional)
 */
public record SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
        String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
        Instant scoredAt, Location location) {

    public static final String LOCATION_VERIFIED = "verified";
    public static final String LOCATION_UNVERIFIED = "unverified";
    public static final String LOCATION_OUTSIDE = "outside";

    /** A verdict without location facts, as producers wrote it before the field existed. */
    public SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
            String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
            Instant scoredAt) {
        this(submissionId, jobId, orgId, workerId, aiStarRating, aiReasoning, preScoring, creditsCharged, checks,
                scorer, scoredAt, null);
    }

    /** Refuses a verdict scoring-service cannot give: anyone who can write the topic must not approve work. */
    public SubmissionScored {
        PayloadChecks.id("submission_id", submissionId, "sub");
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.id("worker_id", workerId, "wkr");
        PayloadChecks.require(aiStarRating >= 1 && aiStarRating <= 5, "ai_star_rating must be 1-5, was "
                + aiStarRating);
        PayloadChecks.require(creditsCharged == 0 || creditsCharged == 1, "credits_charged must be 0 or 1");
        PayloadChecks.require(!preScoring || aiStarRating == 1, "a pre-scoring rejection is 1 star");
        PayloadChecks.require(checks == null || checks.stream().allMatch(c -> c != null && c.name() != null),
                "every check has a name");
        PayloadChecks.present("scored_at", scoredAt);
    }

    public record Check(String name, boolean passed, String detail) {
    }

    /**
     * @param status     verified (GPS within the radius), unverified (no GPS in the file) or outside the radius
     * @param distanceKm distance from the job's point rounded to 0.1 km; null when unverified
     */
    public record Location(String status, Double distanceKm) {
    }
}
