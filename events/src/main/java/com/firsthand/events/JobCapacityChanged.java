package com.firsthand.events;

import java.time.Instant;

/**
 * submissions-service's count of a job's slots after any change. {@code sequence} grows with every change of
 * the job, so a consumer can ignore a count older than the one it holds (events may arrive out of order).
 *
 * @param approved files approved so far (never more than files_needed)
 * @param pending  submissions waiting for their score
 * @param held     active assignments not yet used for an upload
 * @param rejected submissions rejected so far
 * @param remaining files_needed - approved - pending - held: slots a new worker can still take
 * @param averageRating mean AI star rating of scored submissions, null before the first score
 */
public record JobCapacityChanged(String jobId, String orgId, long sequence, int approved, int pending, int held,
        int rejected, int remaining, Double averageRating, Instant at) {

    public JobCapacityChanged {
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.atLeast("sequence", sequence, 1);
        PayloadChecks.atLeast("approved", approved, 0);
        PayloadChecks.atLeast("pending", pending, 0);
        PayloadChecks.atLeast("held", held, 0);
        PayloadChecks.atLeast("rejected", rejected, 0);
        PayloadChecks.atLeast("remaining", remaining, 0);
        PayloadChecks.stars("average_rating", averageRating);
        PayloadChecks.present("at", at);
    }
}
