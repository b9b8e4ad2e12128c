package com.firsthand.events;

import java.time.Instant;
import java.util.Map;

/**
 * A job moved from one lifecycle status to another.
 *
 * @param job the job after the change as GET /v1/jobs/{id} shows it, so that webhook subscribers get the whole
 *     object; null in events published before it was added
 */
public record JobStatusChanged(String jobId, String orgId, String from, String to, Instant at, int filesApproved,
        int filesNeeded, Map<String, Object> job) {

    public JobStatusChanged {
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.oneOf("from", from, JobStatuses.ALL);
        PayloadChecks.oneOf("to", to, JobStatuses.ALL);
        PayloadChecks.present("at", at);
        PayloadChecks.atLeast("files_approved", filesApproved, 0);
        PayloadChecks.atLeast("files_needed", filesNeeded, 1);
    }
}
