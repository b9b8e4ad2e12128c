package com.firsthand.scoring.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.SubmissionScored;
import com.firsthand.scoring.ScoringFixtures;
import com.firsthand.scoring.ScoringFixtures.Job;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import io.minio.MinioClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scoring-service against {@link SimulatedProvider} over real HTTP, with 4 calls in flight at most: the limit is
 * reached and held, a 429 lowers it and successes restore it, the breaker opens on an outage and closes after,
 * usage is recorded once, and claims are fair across organisations. No timed assertions: figures belong to
 * bench/llm-scoring.sh.
 */
@QuarkusTest
@TestProfile(ProviderAtScaleTest.Profile.class)
class ProviderAtScaleTest {

    static final int MAX_IN_FLIGHT = 4;
    static SimulatedProvider provider;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firsthand.scoring.scorer", "openai", "firsthand.scoring.llm.model", "vision-sim",
                    "firsthand.scoring.llm.api-key", "sk-test", "firsthand.scoring.llm.max-retries", "0",
                    "firsthand.scoring.llm.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                    "firsthand.scoring.llm.breaker.failures", "3", "firsthand.scoring.llm.breaker.delay", "PT1S",
                    "firsthand.scoring.retry.llm-give-up-after", "PT10M",
                    "firsthand.scoring.retry.max-backoff", "PT1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Simulator.class));
        }
    }

    public static class Simulator implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            provider = SimulatedProvider.start(new SimulatedProvider.Options().fixedLatency(300));
            return Map.of("firsthand.scoring.llm.url", provider.baseUrl());
        }

        @Override
        public void stop() {
            provider.close();
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MinioClient minio;

    @Inject
    ScoringTaskRepository tasks;

    @Inject
    EntityManager entityManager;

    ScoringFixtures fixtures;

    @BeforeEach
    void healthyProvider() throws Exception {
        fixtures = new ScoringFixtures(kafka, minio);
        provider.setOutage(false);
        provider.setLatency(300, 300);
        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(providerState("provider_breaker"))
                && Integer.valueOf(MAX_IN_FLIGHT).equals(providerState("provider_concurrency_limit")));
    }

    @Test
    void callsRunConcurrentlyUpToTheInFlightLimitAndNeverBeyond() throws Exception {
        provider.setLatency(1500, 1500);
        List<EventEnvelope> uploads = upload(Ids.next(Ids.ORGANIZATION), 12, 100);
        for (EventEnvelope upload : uploads) {
            assertThat(fixtures.scored(upload).scorer()).isEqualTo("openai");
        }
        assertThat(provider.maxConcurrent()).isEqualTo(MAX_IN_FLIGHT);
    }

    @Test
    void a429LowersTheConcurrencyLimitAndSuccessesRestoreIt() throws Exception {
        provider.answerNext(1, 429, "1");
        String orgId = Ids.next(Ids.ORGANIZATION);
        SubmissionScored first = fixtures.scored(upload(orgId, 1, 200).get(0));
        assertThat(first.scorer()).as("retried after the 429").isEqualTo("openai");
        assertThat((Integer) providerState("provider_concurrency_limit")).isLessThan(MAX_IN_FLIGHT);
        assertThat((Integer) providerState("provider_throttled")).isPositive();

        for (EventEnvelope upload : upload(orgId, 10, 300)) {
            fixtures.scored(upload);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Integer.valueOf(MAX_IN_FLIGHT).equals(providerState("provider_concurrency_limit")));
    }

    @Test
    void theBreakerOpensWhileTheProviderIsDownAndClosesByItselfWhenItIsBack() throws Exception {
        provider.setOutage(true);
        EventEnvelope upload = upload(Ids.next(Ids.ORGANIZATION), 1, 400).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "open".equals(providerState("provider_breaker")));
        provider.setOutage(false);
        SubmissionScored scored = fixtures.scored(upload);
        assertThat(scored.scorer()).as("waited for the provider, not a fallback").isEqualTo("openai");
        assertThat(scored.creditsCharged()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(providerState("provider_breaker")));
    }

    @Test
    void tokenUsageIsRecordedOnceUnderRedeliveryAndAFallbackIsNotCharged() throws Exception {
        PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
        EventEnvelope upload = upload(buyer.orgId(), 1, 500).get(0);
        fixtures.scored(upload);
        fixtures.redeliver(upload);
        fixtures.redeliver(upload);
        provider.answerNext(1, 400, null);
        SubmissionScored fallback = fixtures.scored(upload(buyer.orgId(), 1, 600).get(0));
        assertThat(fallback.scorer()).isEqualTo("local");
        assertThat(fallback.creditsCharged()).isZero();
        assertThat(fallback.aiReasoning()).startsWith("The AI provider could not rate this file (HTTP 400");
        assertThat(fallback.checks()).anyMatch(check -> check.name().equals("ai_rating") && !check.passed());
        SubmissionScored later = fixtures.scored(upload(buyer.orgId(), 1, 700).get(0));
        assertThat(later.scorer()).isEqualTo("openai");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer.secret())
                .when().get("/v1/usage").then().statusCode(200).body("ai_scores", equalTo(2))
                .body("input_tokens", equalTo(2 * 850)).body("output_tokens", equalTo(2 * 30))
                .body("local_fallbacks", equalTo(1)).body("credits_used", equalTo(2)));
        assertThat(fixtures.allScores(upload)).hasSize(1);
    }

    @Test
    void claimsTakeEachOrganisationsOldestTaskInTurnWhateverTheBacklog() {
        String busy = Ids.next(Ids.ORGANIZATION);
        String quiet = Ids.next(Ids.ORGANIZATION);
        // Uncommitted rows, rolled back after: this replica's claimer cannot see (or take) them; a claim in the same
        // transaction can.
        Claim claim = inRolledBackTransaction(() -> {
            for (int i = 0; i < 200; i++) {
                queue(busy, "now() - interval '1 hour' + make_interval(secs => " + i + ")");
            }
            List<String> quietOnes = List.of(queue(quiet, "now() - interval '1 minute'"),
                    queue(quiet, "now() - interval '30 seconds'"));
            List<String> claimed = tasks.claimBatch(4, Duration.ofSeconds(30), Map.of()).stream()
                    .map(ScoringTaskRepository.ClaimedTask::submissionId).toList();
            return new Claim(claimed, quietOnes);
        });
        assertThat(claim.claimed()).as("two of each organisation, not four of the one that queued first")
                .hasSize(4).containsAll(claim.expected());
    }

    @Test
    void aClaimOfOneServesTheOrganisationWithFewestTasksInHandBeforeAnOlderBurst() {
        String busy = Ids.next(Ids.ORGANIZATION);
        String quiet = Ids.next(Ids.ORGANIZATION);
        Claim claim = inRolledBackTransaction(() -> {
            String busyOldest = queue(busy, "now() - interval '1 hour'");
            for (int i = 1; i < 50; i++) {
                queue(busy, "now() - interval '1 hour' + make_interval(secs => " + i + ")");
            }
            List<String> quietOnes = List.of(queue(quiet, "now() - interval '2 seconds'"),
                    queue(quiet, "now() - interval '1 second'"));
            List<String> claimed = new ArrayList<>();
            claimed.addAll(claimOne(Map.of(busy, 5)));
            claimed.addAll(claimOne(Map.of(busy, 5, quiet, 1)));
            claimed.addAll(claimOne(Map.of(busy, 5, quiet, 7)));
            return new Claim(claimed, List.of(quietOnes.get(0), quietOnes.get(1), busyOldest));
        });
        assertThat(claim.claimed()).as("the quiet organisation's two (fewer in hand), then the busy one's oldest")
                .containsExactlyElementsOf(claim.expected());
    }

    private List<String> claimOne(Map<String, Integer> heldByOrg) {
        return tasks.claimBatch(1, Duration.ofSeconds(30), heldByOrg).stream()
                .map(ScoringTaskRepository.ClaimedTask::submissionId).toList();
    }

    private record Claim(List<String> claimed, List<String> expected) {
    }

    private static Claim inRolledBackTransaction(Supplier<Claim> work) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                throw new RolledBack(work.get());
            });
            throw new AssertionError("the transaction was meant to roll back");
        } catch (RolledBack rolledBack) {
            return rolledBack.claim;
        }
    }

    private static final class RolledBack extends RuntimeException {
        final transient Claim claim;

        RolledBack(Claim claim) {
            super(null, null, false, false);
            this.claim = claim;
        }
    }

    private String queue(String orgId, String dueAt) {
        String submissionId = Ids.next(Ids.SUBMISSION);
        entityManager.createNativeQuery("INSERT INTO scoring_task (submission_id, payload, next_attempt_at, queued_at) "
                + "VALUES (?1, CAST(?2 AS jsonb), " + dueAt + ", " + dueAt + ")").setParameter(1, submissionId)
                .setParameter(2, "{\"payload\": {\"org_id\": \"" + orgId + "\"}}").executeUpdate();
        return submissionId;
    }

    private List<EventEnvelope> upload(String orgId, int count, int seed) throws Exception {
        Job job = Job.photos(orgId);
        List<EventEnvelope> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uploads.add(fixtures.upload(job, "wkr_" + seed + "_" + i,
                    SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed + i, 800, 600), 0.9f), "image/jpeg"));
        }
        return uploads;
    }

    private static Object providerState(String field) {
        return given().when().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'scoring' }.data." + field);
    }
}
