package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.service.LocalScorer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Messages API with one forced tool whose input schema is the rating: the structured answer is the tool input. */
class AnthropicScorer extends LlmScorer {

    static final String NAME = "anthropic";
    static final String API_VERSION = "2023-06-01";
    private static final String TOOL = "record_rating";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MessagesApi api;
    private final String apiKey;
    private final Optional<Double> temperature;

    AnthropicScorer(MessagesApi api, ScoringConfig.Llm config, LocalScorer local) {
        super(config, local);
        this.api = api;
        this.apiKey = config.apiKey().orElse(null);
        this.temperature = config.temperature().sent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    CompletionStage<JsonNode> send(JsonNode request) {
        return api.send(apiKey, API_VERSION, request);
    }

    /** The rating in a Messages response (the forced tool's input), with the usage it reports. */
    RatingAnswer read(JsonNode response) {
        String stop = text(response.get("stop_reason"));
        if ("refusal".equals(stop)) {
            throw ProviderException.refused("the model refused to rate this file");
        }
        RatingAnswer answer = "max_tokens".equals(stop) ? cutShort(() -> toolInput(response)) : toolInput(response);
        return answer.withUsage(usage(response.get("usage"), "input_tokens", "output_tokens"));
    }

    private static RatingAnswer toolInput(JsonNode response) {
        for (JsonNode block : response.path("content")) {
            if ("tool_use".equals(text(block.get("type"))) && TOOL.equals(text(block.get("name")))) {
                return RatingAnswer.of(block.get("input"));
            }
        }
        throw ProviderException.transientFailure("the answer held no " + TOOL + " tool call");
    }

    @Override
    ObjectNode request(JobRequirements job, String jpegBase64) {
        ObjectNode request = JSON.objectNode().put("model", model()).put("max_tokens", maxTokens())
                .put("system", rubric(job));
        temperature.ifPresent(t -> request.put("temperature", t));
        request.putArray("tools").addObject().put("name", TOOL)
                .put("description", "Record the star rating and the reasoning for the submitted file.")
                .set("input_schema", RatingAnswer.schema());
        request.putObject("tool_choice").put("type", "tool").put("name", TOOL);
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "image").putObject("source").put("type", "base64")
                .put("media_type", "image/jpeg").put("data", jpegBase64);
        content.addObject().put("type", "text").put("text", jobText(job));
        return request;
    }
}
