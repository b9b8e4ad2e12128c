package com.firsthand.submissions.domain;

import com.firsthand.common.errors.ConflictException;

/** Work the job or the worker's slot does not allow now (the API answers 409 with the code). */
public class WorkRefusedException extends ConflictException {

    public static final String ASSIGNMENT_EXISTS = "assignment_exists";
    public static final String MAX_WORKERS_REACHED = "max_workers_reached";
    public static final String JOB_NOT_OPEN = "job_not_open";
    public static final String NO_SLOTS_LEFT = "no_slots_left";
    public static final String NO_ACTIVE_ASSIGNMENT = "no_active_assignment";

    public WorkRefusedException(String code, String message) {
        super(code, message);
    }

    public static WorkRefusedException noActiveAssignment() {
        return new WorkRefusedException(NO_ACTIVE_ASSIGNMENT,
                "Accept the job first: uploads need an active assignment.");
    }
}
