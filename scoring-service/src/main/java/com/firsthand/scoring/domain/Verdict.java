package com.firsthand.scoring.domain;

import com.firsthand.events.Scores;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of scoring one submission.
 *
 * @param preScoring true when a pre-scoring check decided (1 star, no credit)
 * @param scorer     local, openai, anthropic or pre-scoring
 * @param location   what the photo's GPS said about the job's location, or null
 * @param usage      the tokens the AI provider reported for this verdict (NONE without a provider)
 * @param fallback   true when the local scorer rated it because the AI provider gave up: no credit is charged
 * @param model      the model that rated it (the provider's model name, or the local scorer's rules); null before
 *                   scoring
 * @param rubricVersion the version of the rubric the scorer applied; null before scoring
 */
public record Verdict(int stars, String reasoning, boolean preScoring, String scorer, List<Check> checks,
        LocationFact location, TokenUsage usage, boolean fallback, String model, String rubricVersion) {

    public static final String PRE_SCORING = "pre-scoring";

    public Verdict {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be 1-5, was " + stars);
        }
        checks = List.copyOf(checks);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    public Verdict(int stars, String reasoning, boolean preScoring, String scorer, List<Check> checks) {
        this(stars, reasoning, preScoring, scorer, checks, null, TokenUsage.NONE, false, null, null);
    }

    public Verdict withLocation(LocationFact fact) {
        return new Verdict(stars, reasoning, preScoring, scorer, checks, fact, usage, fallback, model, rubricVersion);
    }

    public Verdict withReasoning(String text) {
        return new Verdict(stars, text, preScoring, scorer, checks, location, usage, fallback, model, rubricVersion);
    }

    public Verdict withUsage(TokenUsage reported) {
        return new Verdict(stars, reasoning, preScoring, scorer, checks, location, reported, fallback, model,
                rubricVersion);
    }

    /** The verdict stamped with what produced it: the model and the version of its rubric. */
    public Verdict by(String modelName, String rubric) {
        return new Verdict(stars, reasoning, preScoring, scorer, checks, location, usage, fallback, modelName, rubric);
    }

    /** The local scorer's verdict standing in for a provider that gave up, saying so in the reasoning. */
    public Verdict asFallbackFor(String provider, String why) {
        List<Check> all = new ArrayList<>(checks);
        all.add(Check.failed("ai_rating", provider + " gave up: " + why + "; rated by the local scorer, not charged"));
        return new Verdict(stars, "The AI provider could not rate this file (" + why + "), so the local scorer did. "
                + reasoning, preScoring, scorer, all, location, usage, true, model, rubricVersion);
    }

    public static Verdict rejectedBeforeScoring(Check failed, List<Check> earlier) {
        List<Check> all = new ArrayList<>(earlier);
        all.add(failed);
        return new Verdict(1, failed.detail(), true, PRE_SCORING, all);
    }

    public int credits() {
        return preScoring || fallback ? 0 : 1;
    }

    public boolean approved() {
        return Scores.approves(stars);
    }
}
