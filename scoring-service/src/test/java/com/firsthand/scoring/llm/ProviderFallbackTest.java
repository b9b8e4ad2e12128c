package com.firsthand.scoring.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.SubmissionScored;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.scoring.ScoringFixtures;
import com.firsthand.scoring.ScoringFixtures.Job;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * scoring-service configured for an OpenAI-compatible provider: a good answer is the score; a provider that keeps
 * failing postpones the submission with backoff and, after the give-up time, the local scorer rates it and says so.
 */
@QuarkusTest
@TestProfile(ProviderFallbackTest.OpenAiProfile.class)
class ProviderFallbackTest {

    public static class OpenAiProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firsthand.scoring.scorer", "openai", "firsthand.scoring.llm.model", "vision-test",
                    "firsthand.scoring.llm.api-key", "sk-test", "firsthand.scoring.llm.max-retries", "0",
                    "firsthand.scoring.retry.initial-backoff", "PT0.5S",
                    "firsthand.scoring.retry.llm-give-up-after", "PT3S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProviderStub.class));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MinioClient minio;

    @Test
    void theProvidersAnswerIsTheScoreAndAnOutageFallsBackToTheLocalScorerLater() throws Exception {
        ScoringFixtures fixtures = new ScoringFixtures(kafka, minio);
        String orgId = Ids.next(Ids.ORGANIZATION);
        ProviderStub.server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(LlmScorersTest.openAiAnswer("{\"rating\":2,\"reasoning\":\"No mailbox is visible.\"}"))));

        SubmissionScored rated = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_a",
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(31, 1600, 1200), 0.9f), "image/jpeg"));
        assertThat(rated.scorer()).isEqualTo("openai");
        assertThat(rated.aiStarRating()).isEqualTo(2);
        assertThat(rated.aiReasoning()).isEqualTo("No mailbox is visible.");
        assertThat(rated.creditsCharged()).isEqualTo(1);

        ProviderStub.server.resetAll();
        ProviderStub.server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
        SubmissionScored fallback = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_b",
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(32, 1600, 1200), 0.9f), "image/jpeg"));
        assertThat(fallback.scorer()).isEqualTo("local");
        assertThat(fallback.aiReasoning()).startsWith("The AI provider could not rate this file (HTTP 503)")
                .contains("Laplacian variance");
        assertThat(ProviderStub.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size())
                .as("attempts before giving up").isGreaterThanOrEqualTo(3);
    }
}
