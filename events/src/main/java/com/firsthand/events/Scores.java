package com.firsthand.events;

/** The rule a score is read by: scoring-service gives the stars, submissions-service pays for approved ones. */
public final class Scores {

    /** Stars from which a submission is approved (and paid); below it is rejected with feedback. */
    public static final int APPROVAL_THRESHOLD = 3;

    private Scores() {
    }

    public static boolean approves(int stars) {
        return stars >= APPROVAL_THRESHOLD;
    }
}
