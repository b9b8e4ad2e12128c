package com.firsthand.common.errors;

/** A request the current state does not allow (the API answers 409 with the code). */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
