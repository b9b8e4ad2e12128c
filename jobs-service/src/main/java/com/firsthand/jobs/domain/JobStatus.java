package com.firsthand.jobs.domain;

import com.firsthand.events.JobStatuses;
import java.util.Arrays;
import java.util.Optional;

/** The job lifecycle; see jobs-service/README.md for the transitions. Wire names are events' {@link JobStatuses}. */
public enum JobStatus {
    OPEN, IN_PROGRESS, FILLED, COMPLETED, CANCELLED, EXPIRED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** Final as the events' vocabulary says: completed, cancelled and expired never change again. */
    public boolean isFinal() {
        return JobStatuses.isFinal(wireName());
    }

    public static Optional<JobStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
