package com.firsthand.common.api;

import java.util.ArrayList;
import java.util.List;

/** A failure and its causes, outermost first: what the mappers inspect to classify a failure. */
final class Causes {

    private Causes() {
    }

    static List<Throwable> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
