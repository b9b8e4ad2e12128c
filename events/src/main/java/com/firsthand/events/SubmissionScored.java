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
 * @param model          the model the scorer asked (an AI provider's model name; "local" rules); null for a
 *                       pre-scoring rejection (added later: optional)
 * @param rubricVersion  the version of the rubric the scorer applied (added later: optional)
 * @param appeal         true for the score of a worker's appeal (submission.appealed), not charged; its verdict
 *                       is the appeal scorer's (added later: optional, absent is false)
 */
public record SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
        String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
        Instant scoredAt, Location location, String model, String rubricVersion, boolean appeal) {

    public static final String LOCATION_VERIFIED = "verified";
    public static final String LOCATION_UNVERIFIED = "unverified";
    public static final String LOCATION_OUTSIDE = "outside";

    /** A verdict without location facts, as producers wrote it before the field existed. */
    public SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
            String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
            Instant scoredAt) {
        this(submissionId, jobId, orgId, workerId, aiStarRating, aiReasoning, preScoring, creditsCharged, checks,
                scorer, scoredAt, null, null, null, false);
    }

    /** A verdict without the scorer's model and rubric version, as producers wrote it before the fields existed. */
    public SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
            String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
            Instant scoredAt, Location location) {
        this(submissionId, jobId, orgId, workerId, aiStarRating, aiReasoning, preScoring, creditsCharged, checks,
                scorer, scoredAt, location, null, null, false);
    }

    /** A verdict without the appeal flag, as producers wrote it before appeals existed. */
    public SubmissionScored(String submissionId, String jobId, String orgId, String workerId, int aiStarRating,
            String aiReasoning, boolean preScoring, int creditsCharged, List<Check> checks, String scorer,
            Instant scoredAt, Location location, String model, String rubricVersion) {
        this(submissionId, jobId, orgId, workerId, aiStarRating, aiReasoning, preScoring, creditsCharged, checks,
                scorer, scoredAt, location, model, rubricVersion, false);
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
        PayloadChecks.require(!appeal || !preScoring && creditsCharged == 0,
                "an appeal's score is the appeal scorer's, not charged");
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
