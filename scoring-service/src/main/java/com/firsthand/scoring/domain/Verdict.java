package com.firsthand.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of scoring one submission.
 *
 * @param preScoring true when a pre-scoring check decided (1 star, no credit)
 * @param scorer     local, openai, anthropic or pre-scoring
 * @param location   what the photo's GPS said about the job's location, or null
 */
public record Verdict(int stars, String reasoning, boolean preScoring, String scorer, List<Check> checks,
        LocationFact location) {

    public static final String PRE_SCORING = "pre-scoring";

    public Verdict {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be 1-5, was " + stars);
        }
        checks = List.copyOf(checks);
    }

    public Verdict(int stars, String reasoning, boolean preScoring, String scorer, List<Check> checks) {
        this(stars, reasoning, preScoring, scorer, checks, null);
    }

    public Verdict withLocation(LocationFact fact) {
        return new Verdict(stars, reasoning, preScoring, scorer, checks, fact);
    }

    public static Verdict rejectedBeforeScoring(Check failed, List<Check> earlier) {
        List<Check> all = new ArrayList<>(earlier);
        all.add(failed);
        return new Verdict(1, failed.detail(), true, PRE_SCORING, all);
    }

    public int credits() {
        return preScoring ? 0 : 1;
    }

    public boolean approved() {
        return stars >= 3;
    }
}
