package com.firsthand.common.auth;

import jakarta.enterprise.context.RequestScoped;

/** Holds the {@link Caller} that the authentication filter established for this request. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return caller;
    }

    /** The organisation of a buyer request. */
    public String orgId() {
        return caller().orgId();
    }

    /** The worker of a worker request. */
    public String workerId() {
        return caller().workerId();
    }
}
