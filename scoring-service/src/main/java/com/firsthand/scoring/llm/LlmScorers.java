package com.firsthand.scoring.llm;

import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.service.LocalScorer;
import com.firsthand.scoring.service.Scorer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/** Builds the scorer named by firsthand.scoring.scorer; a provider without URL or model fails start-up. */
@ApplicationScoped
public class LlmScorers {

    @Produces
    @ApplicationScoped
    Scorer scorer(ScoringConfig config, LocalScorer local, MeterRegistry registry) {
        Scorer scorer = create(config.scorer(), config.llm(), local);
        scorer.bindMetrics(registry);
        return scorer;
    }

    public static Scorer create(String name, ScoringConfig.Llm llm, LocalScorer local) {
        return switch (name) {
            case LocalScorer.NAME -> local;
            case OpenAiCompatibleScorer.NAME -> new OpenAiCompatibleScorer(client(llm, ChatCompletionsApi.class), llm,
                    local);
            case AnthropicScorer.NAME -> new AnthropicScorer(client(llm, MessagesApi.class), llm, local);
            default -> throw new IllegalArgumentException("firsthand.scoring.scorer must be local, openai or "
                    + "anthropic, not " + name);
        };
    }

    /** One connection per call in flight at most: a pool smaller than the limit would queue calls unseen. */
    private static <T> T client(ScoringConfig.Llm llm, Class<T> api) {
        URI url = llm.url().orElseThrow(() -> new IllegalArgumentException(
                "firsthand.scoring.llm.url is required for an LLM scorer"));
        llm.model().orElseThrow(() -> new IllegalArgumentException(
                "firsthand.scoring.llm.model is required for an LLM scorer"));
        return QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(llm.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(llm.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, llm.maxInFlight())
                .build(api);
    }
}
