package com.firsthand.jobs.domain;

/** A request the job's current state does not allow (the API answers 409). */
public class JobStateException extends RuntimeException {

    private final String code;

    public JobStateException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
