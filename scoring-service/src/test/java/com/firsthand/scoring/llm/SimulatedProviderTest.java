package com.firsthand.scoring.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The simulated vision provider the LLM scoring bench runs against: wire format, RPM limit, outage, concurrency. */
class SimulatedProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "{\"model\":\"vision-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersAChatCompletionWithUsageAtEveryPathStyle() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(new SimulatedProvider.Options().fixedLatency(0)
                .promptTokens(900).rating(2))) {
            HttpResponse<String> answer = post(provider.baseUrl() + "/chat/completions");
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("object").asText()).isEqualTo("chat.completion");
            assertThat(body.path("model").asText()).isEqualTo("vision-sim");
            JsonNode choice = body.path("choices").path(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
            assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
            JsonNode rating = JSON.readTree(choice.path("message").path("content").asText());
            assertThat(rating.path("rating").asInt()).isEqualTo(2);
            assertThat(rating.path("reasoning").asText()).isNotBlank();
            assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(900);
            assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(30);
            assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(930);

            String root = provider.baseUrl().replace("/v1", "");
            assertThat(post(root + "/chat/completions").statusCode()).isEqualTo(200);
            assertThat(post(root + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21").statusCode())
                    .isEqualTo(200);

            provider.respondWith("```json\n{\"rating\": 5, \"reas", "length");
            JsonNode truncated = JSON.readTree(post(provider.baseUrl() + "/chat/completions").body());
            assertThat(truncated.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
            assertThat(truncated.path("choices").path(0).path("message").path("content").asText()).startsWith("```json");

            provider.answerNext(1, 500, null);
            assertThat(post(provider.baseUrl() + "/chat/completions").statusCode()).isEqualTo(500);
            JsonNode stats = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/stats"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(stats.path("requests").asInt()).isEqualTo(5);
            assertThat(stats.path("accepted").asInt()).isEqualTo(4);
            assertThat(stats.path("scripted").asInt()).isEqualTo(1);
            assertThat(stats.path("prompt_tokens").asInt()).isEqualTo(3600);
        }
    }

    @Test
    void beyondTheRequestsPerMinuteLimitAnswers429WithRetryAfter() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(new SimulatedProvider.Options().fixedLatency(0)
                .rpm(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(post(provider.baseUrl() + "/chat/completions").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = post(provider.baseUrl() + "/chat/completions");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 60L);
            assertThat(JSON.readTree(limited.body()).path("error").path("code").asText())
                    .isEqualTo("rate_limit_exceeded");
            SimulatedProvider.Stats stats = provider.stats();
            assertThat(stats.accepted()).isEqualTo(3);
            assertThat(stats.rateLimited()).isEqualTo(1);
            assertThat(stats.maxAcceptedPer60s()).isEqualTo(3);
            assertThat(stats.maxRequestsPer60s()).isEqualTo(4);
            assertThat(stats.acceptedPerMinute()).containsExactly(3);

            provider.answerNext(1, 429, "7");
            provider.setRpm(0);
            HttpResponse<String> scripted = post(provider.baseUrl() + "/chat/completions");
            assertThat(scripted.statusCode()).isEqualTo(429);
            assertThat(scripted.headers().firstValue("Retry-After")).contains("7");
            assertThat(post(provider.baseUrl() + "/chat/completions").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void duringAnOutageAnswers503() throws Exception {
        try (SimulatedProvider window = SimulatedProvider.start(new SimulatedProvider.Options().fixedLatency(0)
                .outage(0, 3600))) {
            assertThat(post(window.baseUrl() + "/chat/completions").statusCode()).isEqualTo(503);
            window.setOutage(false);
            assertThat(post(window.baseUrl() + "/chat/completions").statusCode()).isEqualTo(200);
            window.setOutage(true);
            assertThat(post(window.baseUrl() + "/chat/completions").statusCode()).isEqualTo(503);
            assertThat(window.stats().outageRejected()).isEqualTo(2);
            assertThat(window.stats().accepted()).isEqualTo(1);
        }
    }

    @Test
    void holdsManySlowRequestsAtOnceWithAFewThreads() {
        int requests = 200;
        try (SimulatedProvider provider = SimulatedProvider.start(new SimulatedProvider.Options().fixedLatency(4000))) {
            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, requests)
                    .mapToObj(i -> http.sendAsync(request(provider.baseUrl() + "/chat/completions"),
                            HttpResponse.BodyHandlers.ofString())).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.maxConcurrent() == requests);
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("simulated-provider")).count()).isLessThanOrEqualTo(6);
            assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                    .containsOnly(200).hasSize(requests);
            assertThat(provider.inFlight()).isZero();
            assertThat(provider.stats().accepted()).isEqualTo(requests);
        }
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(request(url), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build();
    }
}
