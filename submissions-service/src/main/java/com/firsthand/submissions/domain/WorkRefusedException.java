package com.firsthand.submissions.domain;

/** Work the job or the worker's slot does not allow now (the API answers 409 with the code). */
public class WorkRefusedException extends RuntimeException {

    private final String code;

    public WorkRefusedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
