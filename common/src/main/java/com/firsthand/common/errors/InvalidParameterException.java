package com.firsthand.common.errors;

/** A request parameter a use case refuses (the API answers 400 naming the parameter). */
public class InvalidParameterException extends RuntimeException {

    private final String param;
    private final boolean missing;

    public InvalidParameterException(String param, String message) {
        this(param, message, false);
    }

    private InvalidParameterException(String param, String message, boolean missing) {
        super(message, null, false, false);
        this.param = param;
        this.missing = missing;
    }

    public static InvalidParameterException missing(String param) {
        return new InvalidParameterException(param, "Missing required param: " + param + ".", true);
    }

    public String param() {
        return param;
    }

    public boolean missing() {
        return missing;
    }
}
