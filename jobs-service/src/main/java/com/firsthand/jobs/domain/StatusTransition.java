package com.firsthand.jobs.domain;

import java.time.Instant;

/** A job moved from one status to another at a point in time. */
public record StatusTransition(JobStatus from, JobStatus to, Instant at) {
}
