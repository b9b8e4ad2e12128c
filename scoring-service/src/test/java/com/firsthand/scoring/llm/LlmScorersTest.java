package com.firsthand.scoring.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.GrayImage;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.service.LocalScorer;
import com.firsthand.scoring.service.Scorer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both providers against a local stub speaking their wire formats: good, malformed, throttled and refused answers. */
@QuarkusTest
class LlmScorersTest extends WireMockProvider {

    @Inject
    LocalScorer local;

    static final JobRequirements JOB = new JobRequirements("photo", "Residential mailboxes in daylight",
            List.of("image/jpeg"), null, null, null, null);

    static FileFacts photo() {
        BufferedImage image = SyntheticPhotos.scene(3, 800, 600);
        return new FileFacts("image/jpeg", "sha", null, 800, 600, GrayImage.of(image, 1024), image, 1L, null, null);
    }

    Scorer scorer(String name, int maxRetries) {
        return LlmScorers.create(name, TestLlmConfig.of(provider.baseUrl() + "/v1").retries(maxRetries), local);
    }

    static String openAiAnswer(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + ",\"refusal\":null}}]}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void openAiRatingComesBackWithTheImageAndRubricSent() throws Exception {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(openAiAnswer("{\"rating\":4,\"reasoning\":\"A clear mailbox in daylight.\"}"))));

        Verdict verdict = scorer("openai", 0).score(photo(), JOB, List.of());

        assertThat(verdict.stars()).isEqualTo(4);
        assertThat(verdict.reasoning()).isEqualTo("A clear mailbox in daylight.");
        assertThat(verdict.scorer()).isEqualTo("openai");
        assertThat(verdict.credits()).isEqualTo(1);
        provider.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("vision-test")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.required[0]", equalTo("rating")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("Residential mailboxes")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.url",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("data:image/jpeg;base64,/9j/.*"))));
    }

    @Test
    void malformedThenThrottledAnswersAreRetriedUntilAGoodOne() throws Exception {
        String scenario = "flaky";
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("malformed-sent")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(openAiAnswer("I think it deserves four stars"))));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario(scenario)
                .whenScenarioStateIs("malformed-sent").willSetStateTo("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario(scenario)
                .whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(openAiAnswer("{\"rating\":2,\"reasoning\":\"The mailbox is cut off.\"}"))));

        long started = System.nanoTime();
        Verdict verdict = scorer("openai", 3).score(photo(), JOB, List.of());

        assertThat(verdict.stars()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        provider.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aProviderThatKeepsFailingLeavesTheSubmissionUnscoredForALaterRetry() {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> scorer("openai", 1).score(photo(), JOB, List.of()))
                .isInstanceOfSatisfying(Scorer.ScorerUnavailableException.class,
                        e -> assertThat(e.worthRetrying()).isTrue());
        provider.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(openAiAnswer("{\"rating\":9,\"reasoning\":\"Out of range\"}"))));
        assertThatThrownBy(() -> scorer("openai", 0).score(photo(), JOB, List.of()))
                .isInstanceOf(Scorer.ScorerUnavailableException.class).hasMessageContaining("rating from 1 to 5");
    }

    @Test
    void aRefusalIsFinalAndNotRetried() {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[{\"finish_reason\":\"stop\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"}}]}")));
        assertThatThrownBy(() -> scorer("openai", 3).score(photo(), JOB, List.of()))
                .isInstanceOfSatisfying(Scorer.ScorerUnavailableException.class,
                        e -> assertThat(e.worthRetrying()).isFalse());
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void anthropicAnswersThroughTheForcedTool() throws Exception {
        provider.stubFor(post(urlEqualTo("/v1/messages")).inScenario("overloaded")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(529).withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}")));
        provider.stubFor(post(urlEqualTo("/v1/messages")).inScenario("overloaded").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id":"msg_1","type":"message","role":"assistant","stop_reason":"tool_use","content":[
                          {"type":"text","text":"Rating it now."},
                          {"type":"tool_use","id":"toolu_1","name":"record_rating",
                           "input":{"rating":5,"reasoning":"Exactly the requested mailbox, sharp and well lit."}}]}""")));

        Verdict verdict = scorer("anthropic", 2).score(photo(), JOB, List.of());

        assertThat(verdict.stars()).isEqualTo(5);
        assertThat(verdict.scorer()).isEqualTo("anthropic");
        provider.verify(postRequestedFor(urlEqualTo("/v1/messages")).withHeader("x-api-key", equalTo("sk-test"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withRequestBody(matchingJsonPath("$.tool_choice.name", equalTo("record_rating")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].source.media_type", equalTo("image/jpeg"))));
    }

    @Test
    void anthropicWithoutTheToolCallOrWithAnotherClientErrorGivesNoScore() {
        provider.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"stop_reason\":\"end_turn\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Four stars.\"}]}")));
        assertThatThrownBy(() -> scorer("anthropic", 0).score(photo(), JOB, List.of()))
                .isInstanceOf(Scorer.ScorerUnavailableException.class).hasMessageContaining("record_rating");

        provider.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> scorer("anthropic", 3).score(photo(), JOB, List.of()))
                .isInstanceOfSatisfying(Scorer.ScorerUnavailableException.class,
                        e -> assertThat(e.worthRetrying()).isFalse());
    }

    @Test
    void filesThatAreNotImagesGoToTheBasicCheck() throws Exception {
        FileFacts text = FileFacts.document("text/plain", "sha", "readable UTF-8 text, 12 words");
        Verdict verdict = scorer("openai", 0).score(text, JOB, List.of());
        assertThat(verdict.scorer()).isEqualTo("local");
        provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void retryAfterIsReadAsSecondsOrDateAndCapped() {
        assertThat(LlmScorer.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(LlmScorer.retryAfter("86400")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LlmScorer.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(LlmScorer.retryAfter("soon")).isNull();
    }
}
