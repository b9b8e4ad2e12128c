package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.config.ScoringConfig.TokenLimitField;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.service.LocalScorer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Chat completions with a strict JSON-schema response format; a refusal or content filter is final. Servers that
 * reject max_tokens or temperature (OpenAI's reasoning models) are adapted to once, and remembered: see
 * {@link #adaptTo}.
 */
class OpenAiCompatibleScorer extends LlmScorer {

    static final String NAME = "openai";

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleScorer.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChatCompletionsApi api;
    private final String authorization;
    private final String apiKeyHeader;
    private final Optional<Double> temperature;
    /** Set once the server said it does not take the configured token-limit field: the other one is sent. */
    private final AtomicBoolean tokenFieldSwitched = new AtomicBoolean();
    /** Set once the server said it does not take a temperature: none is sent. */
    private final AtomicBoolean temperatureDropped = new AtomicBoolean();
    private final TokenLimitField configuredTokenField;

    OpenAiCompatibleScorer(ChatCompletionsApi api, ScoringConfig.Llm config, LocalScorer local) {
        super(config, local);
        this.api = api;
        boolean apiKeyStyle = config.authStyle() == ScoringConfig.AuthStyle.API_KEY;
        this.authorization = apiKeyStyle ? null : config.apiKey().map(key -> "Bearer " + key).orElse(null);
        this.apiKeyHeader = apiKeyStyle ? config.apiKey().orElse(null) : null;
        this.temperature = config.temperature().sent();
        this.configuredTokenField = config.tokenLimitField();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    CompletionStage<JsonNode> send(JsonNode request) {
        return api.send(authorization, apiKeyHeader, request);
    }

    /** The rating in a chat-completions response, with the usage it reports. */
    @Override
    RatingAnswer read(JsonNode response) {
        JsonNode choice = response.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (text(message.get("refusal")) != null) {
            throw ProviderException.refused("the model refused: " + text(message.get("refusal")));
        }
        String finish = text(choice.get("finish_reason"));
        if ("content_filter".equals(finish)) {
            throw ProviderException.refused("the provider's content filter stopped the answer");
        }
        String content = text(message.get("content"));
        RatingAnswer answer = "length".equals(finish) ? cutShort(() -> RatingAnswer.parse(content))
                : RatingAnswer.parse(content);
        return answer.withUsage(usage(response.get("usage"), "prompt_tokens", "completion_tokens"));
    }

    @Override
    ObjectNode request(JobRequirements job, String jpegBase64) {
        ObjectNode request = JSON.objectNode().put("model", model()).put(tokenLimitField().field(), maxTokens());
        if (!temperatureDropped.get()) {
            temperature.ifPresent(t -> request.put("temperature", t));
        }
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", rubric(job));
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", jobText(job));
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/jpeg;base64," + jpegBase64);
        ObjectNode format = request.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "rating").put("strict", true).set("schema", RatingAnswer.schema());
        return request;
    }

    /** The field carrying max-tokens now: the configured one until the server rejected it. */
    TokenLimitField tokenLimitField() {
        if (!tokenFieldSwitched.get()) {
            return configuredTokenField;
        }
        return configuredTokenField == TokenLimitField.MAX_TOKENS ? TokenLimitField.MAX_COMPLETION_TOKENS
                : TokenLimitField.MAX_TOKENS;
    }

    /**
     * A 400 whose error names the token-limit field or the temperature as unsupported ("Unsupported parameter:
     * 'max_tokens' … Use 'max_completion_tokens' instead", "Unsupported value: 'temperature' does not support 0 …
     * Only the default (1) value is supported", "Unrecognized request argument supplied: max_completion_tokens")
     * switches to the other token field, or stops sending a temperature, for this and every later request. Each
     * switch happens at most once (thread-safe), so a server that rejects both fields cannot make requests flip
     * back and forth. True when the rejected setting is no longer sent, i.e. the request should be sent again.
     */
    @Override
    boolean adaptTo(int status, String errorBody) {
        if (status != 400 || errorBody == null || errorBody.isBlank()) {
            return false;
        }
        Rejection rejection = Rejection.of(errorBody);
        if (!rejection.saysUnsupported()) {
            return false;
        }
        String configuredField = configuredTokenField.field();
        if (rejection.names(configuredField)) {
            if (tokenFieldSwitched.compareAndSet(false, true)) {
                LOG.warnf("The provider does not take %s; sending %s from now on (set "
                        + "firsthand.scoring.llm.token-limit-field to avoid the rejected request)", configuredField,
                        tokenLimitField().field());
            }
            return true;
        }
        if (temperature.isPresent() && rejection.names("temperature")) {
            if (temperatureDropped.compareAndSet(false, true)) {
                LOG.warnf("The provider does not take temperature %s; sending none from now on (set "
                        + "firsthand.scoring.llm.temperature=none to avoid the rejected request)", temperature.get());
            }
            return true;
        }
        return false;
    }

    /**
     * A 400's error: OpenAI's {"error": {"message", "param", "code"}}, lower case; a body that is not JSON is the
     * message.
     */
    private record Rejection(String message, String param, String code) {

        static Rejection of(String errorBody) {
            try {
                JsonNode error = MAPPER.readTree(errorBody).path("error");
                if (error.isObject()) {
                    return new Rejection(lower(error.path("message").asText("")), lower(error.path("param").asText("")),
                            lower(error.path("code").asText("")));
                }
            } catch (Exception notJson) {
                // plain text below
            }
            return new Rejection(lower(errorBody), "", "");
        }

        boolean saysUnsupported() {
            return code.contains("unsupported") || message.contains("unsupported")
                    || message.contains("not supported") || message.contains("does not support")
                    || message.contains("unrecognized request argument")
                    || message.contains("use 'max_completion_tokens'") || message.contains("use max_completion_tokens");
        }

        /** The param when the error gives one, else the field as a whole word in the message. */
        boolean names(String field) {
            if (!param.isEmpty() && !"null".equals(param)) {
                return param.equals(field);
            }
            int at = message.indexOf(field);
            while (at >= 0) {
                int end = at + field.length();
                if ((at == 0 || !isFieldChar(message.charAt(at - 1)))
                        && (end == message.length() || !isFieldChar(message.charAt(end)))) {
                    return true;
                }
                at = message.indexOf(field, at + 1);
            }
            return false;
        }

        private static String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static boolean isFieldChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
