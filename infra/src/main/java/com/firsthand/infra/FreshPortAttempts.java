package com.firsthand.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Starts a server on ports chosen for the attempt, and again on fresh ports when it does not come up: a port
 * that was free when chosen can be taken before the server binds it. Gives up after a bounded number of attempts,
 * with every attempt's reason (the last as the cause, earlier ones suppressed).
 */
final class FreshPortAttempts {

    static final int ATTEMPTS = 3;

    private FreshPortAttempts() {
    }

    /** Runs {@code attempt} with the attempt's number (1, 2, ...) until it returns. */
    static <T> T start(String what, IntFunction<T> attempt) {
        List<RuntimeException> failures = new ArrayList<>();
        for (int number = 1; number <= ATTEMPTS; number++) {
            try {
                return attempt.apply(number);
            } catch (RuntimeException e) {
                failures.add(e);
                System.err.println(what + " did not start (attempt " + number + " of " + ATTEMPTS + "): "
                        + firstLine(e.getMessage()) + (number < ATTEMPTS ? "; trying again on fresh ports" : ""));
            }
        }
        RuntimeException last = failures.get(failures.size() - 1);
        IllegalStateException error = new IllegalStateException(what + " did not start in " + ATTEMPTS
                + " attempts on fresh ports. The last attempt: " + last.getMessage(), last);
        failures.subList(0, failures.size() - 1).forEach(error::addSuppressed);
        throw error;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
