package com.firsthand.jobs.domain;

import java.util.Arrays;
import java.util.Optional;

public enum JobType {
    DATA_COLLECTION, FEEDBACK;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<JobType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }
}
