package com.firsthand.scoring.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.scoring.config.ScoringConfig.AuthStyle;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.service.DocumentCheck;
import com.firsthand.scoring.service.FileAnalyzer;
import com.firsthand.scoring.service.ImageDecoder;
import com.firsthand.scoring.service.LocalScorer;
import com.firsthand.scoring.service.Scorer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider path against a stub: a reasoning model's 400 for max_tokens and temperature adapted to, an answer cut
 * off by the token limit, Azure's api-key header and api-version query, and the photo sent upright.
 */
@QuarkusTest
class ProviderRobustnessTest extends WireMockProvider {

    @Inject
    LocalScorer local;

    @TempDir
    Path dir;

    static final JobRequirements JOB = LlmScorersTest.JOB;

    TestLlmConfig config() {
        return TestLlmConfig.of(provider.baseUrl() + "/v1");
    }

    static String badRequest(String message, String param, String code) {
        return "{\"error\":{\"message\":" + LlmScorersTest.quote(message) + ",\"type\":\"invalid_request_error\","
                + "\"param\":\"" + param + "\",\"code\":\"" + code + "\"}}";
    }

    @Test
    void aReasoningModelRejectingMaxTokensAndTemperatureIsAdaptedToOnceAndRemembered() throws Exception {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.max_tokens"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(badRequest("Unsupported parameter: 'max_tokens' is not supported with this model. "
                                + "Use 'max_completion_tokens' instead.", "max_tokens", "unsupported_parameter"))));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.temperature"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(badRequest("Unsupported value: 'temperature' does not support 0 with this model. "
                                + "Only the default (1) value is supported.", "temperature", "unsupported_value"))));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(3)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(LlmScorersTest.openAiAnswer("{\"rating\":4,\"reasoning\":\"A clear mailbox.\"}"))));
        Scorer scorer = LlmScorers.create("openai", config(), local);

        Verdict first = scorer.score(LlmScorersTest.photo(), JOB, List.of());
        assertThat(first.stars()).isEqualTo(4);
        provider.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        Verdict second = scorer.score(LlmScorersTest.photo(), JOB, List.of());
        assertThat(second.stars()).isEqualTo(4);
        provider.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        // 1: max_tokens (400), 2: max_completion_tokens + temperature (400), 3 and 4: neither of the two.
        provider.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("200"))));
        provider.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("200")))
                .withRequestBody(notMatching(".*\"temperature\".*")));
    }

    @Test
    void anotherBadRequestIsStillFinal() {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(badRequest("Invalid image data.", "messages", "invalid_image"))));
        assertThatThrownBy(() -> LlmScorers.create("openai", config().retries(3), local)
                .score(LlmScorersTest.photo(), JOB, List.of()))
                .isInstanceOfSatisfying(Scorer.ScorerUnavailableException.class,
                        e -> assertThat(e.worthRetrying()).isFalse());
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void anAnswerCutOffByTheTokenLimitIsNotRetriedAndSaysWhy() {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[{\"finish_reason\":\"length\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"\"}}],"
                        + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":200}}")));

        assertThatThrownBy(() -> LlmScorers.create("openai", config().retries(3), local)
                .score(LlmScorersTest.photo(), JOB, List.of()))
                .isInstanceOfSatisfying(Scorer.ScorerUnavailableException.class,
                        e -> assertThat(e.worthRetrying()).isFalse())
                .hasMessageContaining("cut off by the token limit (200 tokens, firsthand.scoring.llm.max-tokens)");
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void azureTakesTheKeyInTheApiKeyHeaderAndKeepsTheApiVersionOfTheUrl() throws Exception {
        provider.stubFor(post(urlPathEqualTo("/openai/deployments/vision/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(LlmScorersTest.openAiAnswer("{\"rating\":3,\"reasoning\":\"Usable.\"}"))));
        TestLlmConfig azure = TestLlmConfig.of(provider.baseUrl() + "/openai/deployments/vision?api-version=2024-10-21")
                .auth(AuthStyle.API_KEY);

        Verdict verdict = LlmScorers.create("openai", azure, local).score(LlmScorersTest.photo(), JOB, List.of());

        assertThat(verdict.stars()).isEqualTo(3);
        provider.verify(postRequestedFor(urlEqualTo("/openai/deployments/vision/chat/completions?api-version=2024-10-21"))
                .withHeader("api-key", equalTo("sk-test")).withHeader("Authorization", absent()));
    }

    @Test
    void aPhotoStoredSidewaysIsSentUpright() throws Exception {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(LlmScorersTest.openAiAnswer("{\"rating\":4,\"reasoning\":\"Upright.\"}"))));
        // Stored 800×400 with the left half black; EXIF orientation 6: seen 400×800 with the black half on top.
        Path file = Files.write(dir.resolve("portrait.jpg"), SyntheticPhotos.withOrientation(
                SyntheticPhotos.jpeg(SyntheticPhotos.halves(800, 400), 0.9f), 6));
        FileFacts facts = new FileAnalyzer(new ImageDecoder(), new DocumentCheck(), 100_000_000L, 512).analyze(file);

        LlmScorers.create("openai", config(), local).score(facts, JOB, List.of());

        String body = provider.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString();
        String url = new ObjectMapper().readTree(body).at("/messages/1/content/1/image_url/url").asText();
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                url.substring("data:image/jpeg;base64,".length()))));
        assertThat(sent.getWidth()).isEqualTo(256);
        assertThat(sent.getHeight()).isEqualTo(512);
        assertThat(sent.getRGB(128, 64) & 0xff).isLessThan(40);
        assertThat(sent.getRGB(128, 448) & 0xff).isGreaterThan(215);
    }
}
