package com.firsthand.submissions.domain;

import com.firsthand.common.errors.ConflictException;

/** Work the job or the worker's slot does not allow now (the API answers 409 with the code). */
public class WorkRefusedException extends ConflictException {

    public WorkRefusedException(String code, String message) {
        super(code, message);
    }

    public static WorkRefusedException noActiveAssignment() {
        return new WorkRefusedException("no_active_assignment",
                "Accept the job first: uploads need an active assignment.");
    }
}
