package com.firsthand.jobs.domain;

import com.firsthand.common.errors.ConflictException;

/** A request the job's current state does not allow (the API answers 409). */
public class JobStateException extends ConflictException {

    public JobStateException(String code, String message) {
        super(code, message);
    }
}
