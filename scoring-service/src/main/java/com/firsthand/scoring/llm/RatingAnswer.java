package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.firsthand.scoring.domain.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured answer every provider must give: {"rating": 1-5, "reasoning": "..."}, with the tokens the provider
 * reported for it.
 */
record RatingAnswer(int rating, String reasoning, TokenUsage usage) {

    /** Strict about what follows the object: "{…} and also {…}" is two answers, not the first one. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int MAX_REASONING = 2000;
    /** A Markdown code fence: ```json … ``` or ``` … ```. */
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*(?:json|JSON)?[ \\t]*\\R?(.*?)```", Pattern.DOTALL);

    static final String SCHEMA = """
            {"type":"object","properties":{"rating":{"type":"integer","minimum":1,"maximum":5},\
            "reasoning":{"type":"string"}},"required":["rating","reasoning"],"additionalProperties":false}""";

    RatingAnswer {
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    RatingAnswer(int rating, String reasoning) {
        this(rating, reasoning, TokenUsage.NONE);
    }

    RatingAnswer withUsage(TokenUsage tokens) {
        return new RatingAnswer(rating, reasoning, tokens);
    }

    static JsonNode schema() {
        try {
            return JSON.readTree(SCHEMA);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer in a model's text: bare JSON; JSON in one Markdown code fence (prose around the fence ignored); or
     * prose around exactly one JSON object. Anything more ambiguous (two objects, two fences) is not guessed at.
     */
    static RatingAnswer parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProviderException.transientFailure("the answer was empty");
        }
        String body = text.strip();
        Matcher fence = FENCE.matcher(body);
        if (fence.find()) {
            String fenced = fence.group(1);
            if (fence.find()) {
                throw ProviderException.transientFailure("the answer was not JSON (several code blocks)");
            }
            body = fenced.strip();
        }
        try {
            return of(JSON.readTree(body));
        } catch (ProviderException e) {
            throw e;
        } catch (Exception notBareJson) {
            List<String> objects = topLevelObjects(body);
            if (objects.size() != 1) {
                throw ProviderException.transientFailure("the answer was not JSON");
            }
            try {
                return of(JSON.readTree(objects.get(0)));
            } catch (ProviderException e) {
                throw e;
            } catch (Exception e) {
                throw ProviderException.transientFailure("the answer was not JSON");
            }
        }
    }

    /** The balanced {…} spans outside any other, skipping braces inside JSON strings. */
    static List<String> topLevelObjects(String text) {
        List<String> objects = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0) {
                if (c == '{') {
                    depth = 1;
                    start = i;
                }
                continue;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                objects.add(text.substring(start, i + 1));
            }
        }
        return objects;
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
