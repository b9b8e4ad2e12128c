package com.firsthand.submissions.domain;

import com.firsthand.common.errors.ConflictException;

/** A buyer's override the submission or its job does not allow now (the API answers 409 with the code). */
public class OverrideRefusedException extends ConflictException {

    public static final String NOT_SCORED = "submission_not_scored";
    public static final String RETRY_IN_PROGRESS = "retry_in_progress";
    public static final String ALREADY_OVERRIDDEN = "already_overridden";
    public static final String NOT_A_CHANGE = "override_not_a_change";
    public static final String WINDOW_CLOSED = "override_window_closed";
    public static final String JOB_FULL = "job_full";
    public static final String FILE_NO_LONGER_STORED = "file_no_longer_stored";

    public OverrideRefusedException(String code, String message) {
        super(code, message);
    }
}
