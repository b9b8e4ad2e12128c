package com.firsthand.jobs.domain;

import java.util.Arrays;
import java.util.Optional;

/** The job lifecycle; see jobs-service/README.md for the transitions. */
public enum JobStatus {
    OPEN, IN_PROGRESS, FILLED, COMPLETED, CANCELLED, EXPIRED;

    public String wireName() {
        return name().toLowerCase();
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }

    public static Optional<JobStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
