package com.firsthand.submissions.domain;

import com.firsthand.common.errors.ConflictException;

/** A worker's appeal the submission does not allow (the API answers 409 with the code). */
public class AppealRefusedException extends ConflictException {

    public static final String NOT_REJECTED = "submission_not_rejected";
    public static final String NOT_APPEALABLE = "not_appealable";
    public static final String DECIDED_BY_BUYER = "decided_by_buyer";
    public static final String ALREADY_APPEALED = "already_appealed";
    public static final String WINDOW_CLOSED = "appeal_window_closed";
    public static final String FILE_NO_LONGER_STORED = OverrideRefusedException.FILE_NO_LONGER_STORED;

    public AppealRefusedException(String code, String message) {
        super(code, message);
    }
}
