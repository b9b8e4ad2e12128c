package com.firsthand.submissions.domain;

/** Why a submission has no preview to show now; rest/ gives each reason its status and error code. */
public class PreviewRefusedException extends RuntimeException {

    public enum Reason {
        /** Only images have a preview. */
        NOT_AN_IMAGE,
        /** The file was deleted when its retention ended. */
        FILE_DELETED,
        /** The image cannot be decoded. */
        UNDECODABLE,
        /** Every decoder is busy; the caller may retry shortly. */
        BUSY
    }

    private final Reason reason;

    public PreviewRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
