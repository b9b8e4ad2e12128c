package com.firsthand.jobs.domain;

import com.firsthand.common.errors.ConflictException;

/** A request the job's current state does not allow (the API answers 409). */
public class JobStateException extends ConflictException {

    public static final String NOT_CANCELLABLE = "job_not_cancellable";
    public static final String NOT_COMPLETED = "job_not_completed";
    public static final String ALREADY_RATED = "job_already_rated";

    public JobStateException(String code, String message) {
        super(code, message);
    }
}
