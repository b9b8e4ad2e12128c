package com.firsthand.common.errors;

/** The thing asked for does not exist for this caller (the API answers 404 resource_missing). */
public class ResourceNotFoundException extends RuntimeException {

    private final String param;

    public ResourceNotFoundException(String what, String id) {
        this(what, id, "id");
    }

    /** @param param the request parameter that named it, when not the path's id */
    public ResourceNotFoundException(String what, String id, String param) {
        super("No such " + what + ": '" + id + "'.", null, false, false);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
