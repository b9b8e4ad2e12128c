package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.TokenUsage;
import com.firsthand.scoring.service.LocalScorer;
import java.util.concurrent.CompletionStage;

/** Chat completions with a strict JSON-schema response format; a refusal or content filter is final. */
class OpenAiCompatibleScorer extends LlmScorer {

    static final String NAME = "openai";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ChatCompletionsApi api;
    private final String authorization;

    OpenAiCompatibleScorer(ChatCompletionsApi api, ScoringConfig.Llm config, LocalScorer local) {
        super(config, local);
        this.api = api;
        this.authorization = config.apiKey().map(key -> "Bearer " + key).orElse(null);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    CompletionStage<JsonNode> send(JsonNode request) {
        return api.send(authorization, request);
    }

    @Override
    RatingAnswer read(JsonNode response) {
        JsonNode choice = response.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (text(message.get("refusal")) != null) {
            throw ProviderException.refused("the model refused: " + text(message.get("refusal")));
        }
        if ("content_filter".equals(text(choice.get("finish_reason")))) {
            throw ProviderException.refused("the provider's content filter stopped the answer");
        }
        JsonNode usage = response.path("usage");
        return RatingAnswer.parse(text(message.get("content"))).withUsage(new TokenUsage(
                usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)));
    }

    @Override
    ObjectNode request(JobRequirements job, String jpegBase64) {
        ObjectNode request = JSON.objectNode().put("model", model()).put("max_tokens", maxTokens())
                .put("temperature", 0);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", RUBRIC);
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", jobText(job));
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/jpeg;base64," + jpegBase64);
        ObjectNode format = request.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "rating").put("strict", true).set("schema", RatingAnswer.schema());
        return request;
    }
}
