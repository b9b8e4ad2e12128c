package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.common.outbox.OutboxRelay;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobCreated;
import com.firsthand.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventConsumer eventConsumer;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventCommittedButNotYetSentReachesKafkaWhenTheRelayComesBack() throws Exception {
        String apiKey = Accounts.newOrganizationKey();
        relay.stop();
        String jobId;
        try {
            jobId = given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json").body(Accounts.jobBody("outbox")).when().post("/v1/jobs")
                    .then().statusCode(200).extract().path("id");
            assertThat(publishedAt(jobId)).as("committed, not yet relayed").isEqualTo("pending");
        } finally {
            relay.start();
        }

        List<EventEnvelope> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.JOB_CREATED));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(record.key())) {
                        events.add(EventJson.read(record.value()));
                    }
                }
                return !events.isEmpty();
            });
        }
        EventEnvelope event = events.get(0);
        assertThat(event.type()).isEqualTo(Topics.JOB_CREATED);
        assertThat(event.id()).startsWith("evt_");
        assertThat(event.aggregateId()).isEqualTo(jobId);
        assertThat(event.payloadAs(JobCreated.class).description()).isEqualTo("outbox");
        await().atMost(Duration.ofSeconds(10)).until(() -> !"pending".equals(publishedAt(jobId)));
    }

    @Test
    void anEventGoesOnWithTheTraceOfTheRequestThatMadeIt() throws Exception {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String apiKey = Accounts.newOrganizationKey();
        relay.stop();
        String jobId;
        try {
            jobId = given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .contentType("application/json").body(Accounts.jobBody("traced")).when().post("/v1/jobs")
                    .then().statusCode(200).extract().path("id");
        } finally {
            relay.start();
        }

        List<String> traceparents = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.JOB_CREATED));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader("traceparent");
                    if (jobId.equals(record.key()) && header != null) {
                        traceparents.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                return !traceparents.isEmpty();
            });
        }
        String[] fields = traceparents.get(0).split("-");
        assertThat(fields).as("version, trace id, span id, flags").hasSize(4);
        assertThat(fields[1]).as("the caller's trace, carried through the outbox by the relay").isEqualTo(traceId);
        assertThat(fields[2]).as("the relay's publish span, not the caller's").isNotEqualTo(callerSpanId)
                .matches("[0-9a-f]{16}").isNotEqualTo("0000000000000000");
        assertThat(fields[3]).as("sampled, as the caller asked").isEqualTo("01");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String message = EventJson.write(new EventEnvelope("evt_" + UUID.randomUUID(), Topics.JOB_CREATED, 1,
                java.time.Instant.now(), "org_x", "job", "job_x", EventJson.toTree(Map.of("job_id", "job_x"))));
        AtomicInteger applied = new AtomicInteger();

        eventConsumer.handle("outbox-test", message, event -> applied.incrementAndGet());
        eventConsumer.handle("outbox-test", message, event -> applied.incrementAndGet());
        eventConsumer.handle("another-consumer", message, event -> applied.incrementAndGet());

        assertThat(applied).hasValue(2);
    }

    @Test
    void aHandlerFailureRollsBackTheProcessedMarkSoTheRetryApplies() {
        String message = EventJson.write(new EventEnvelope("evt_" + UUID.randomUUID(), Topics.JOB_CREATED, 1,
                java.time.Instant.now(), "org_x", "job", "job_x", EventJson.toTree(Map.of("job_id", "job_x"))));
        AtomicInteger attempts = new AtomicInteger();

        eventConsumer.handle("retry-test", message, event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("transient");
            }
        });

        assertThat(attempts).hasValue(3);
    }

    private String publishedAt(String jobId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT published_at FROM outbox_event WHERE aggregate_id = ? AND topic = ?")) {
            s.setString(1, jobId);
            s.setString(2, Topics.JOB_CREATED);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1) == null ? "pending" : rs.getTimestamp(1).toString();
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
