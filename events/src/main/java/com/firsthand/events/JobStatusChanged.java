package com.firsthand.events;

import java.time.Instant;

/** A job moved from one lifecycle status to another. */
public record JobStatusChanged(String jobId, String orgId, String from, String to, Instant at, int filesApproved,
        int filesNeeded) {
}
