package com.firsthand.submissions.rest.model;

import java.util.List;

/**
 * What a worker has earned: one payout of the job's price per approved file, less the payouts a buyer's override
 * reversed.
 */
public record EarningsResponse(String object, long totalCents, long approvedFiles, List<ByJob> byJob) {

    public record ByJob(String jobId, long approvedFiles, long amountCents) {
    }
}
