package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.scoring.domain.TokenUsage;

/** The structured answer every provider must give: {"rating": 1-5, "reasoning": "..."}. */
record RatingAnswer(int rating, String reasoning, TokenUsage usage) {

    RatingAnswer(int rating, String reasoning) {
        this(rating, reasoning, TokenUsage.NONE);
    }

    RatingAnswer withUsage(TokenUsage reported) {
        return new RatingAnswer(rating, reasoning, reported);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASONING = 2000;

    static final String SCHEMA = """
            {"type":"object","properties":{"rating":{"type":"integer","minimum":1,"maximum":5},\
            "reasoning":{"type":"string"}},"required":["rating","reasoning"],"additionalProperties":false}""";

    static JsonNode schema() {
        try {
            return JSON.readTree(SCHEMA);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RatingAnswer parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProviderException.transientFailure("the answer was empty");
        }
        try {
            return of(JSON.readTree(text.strip()));
        } catch (ProviderException e) {
            throw e;
        } catch (Exception e) {
            throw ProviderException.transientFailure("the answer was not JSON");
        }
    }

    static RatingAnswer of(JsonNode answer) {
        JsonNode rating = answer == null ? null : answer.get("rating");
        JsonNode reasoning = answer == null ? null : answer.get("reasoning");
        if (rating == null || !rating.isIntegralNumber() || rating.asInt() < 1 || rating.asInt() > 5) {
            throw ProviderException.transientFailure("the answer had no rating from 1 to 5");
        }
        if (reasoning == null || !reasoning.isTextual() || reasoning.asText().isBlank()) {
            throw ProviderException.transientFailure("the answer had no reasoning");
        }
        String text = reasoning.asText().strip();
        return new RatingAnswer(rating.asInt(), text.length() > MAX_REASONING ? text.substring(0, MAX_REASONING) : text);
    }
}
