package com.firsthand.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.DeadLetters;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.Topics;
import com.firsthand.scoring.ScoringFixtures.Job;
import com.firsthand.scoring.repository.StorageHttpClient;
import io.agroal.api.AgroalDataSource;
import io.minio.MinioClient;
import io.quarkiverse.minio.client.OptionalHttpClientProducer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * submission.uploaded is taken a poll at a time: the uploads that wait in the topic enter the queue in one
 * transaction (so a burst is in the table, where the claim is fair, long before it is scored), each once however
 * often it arrives, and a bad record is dead-lettered on its own without holding up or losing the others.
 */
@QuarkusTest
class UploadIntakeTest {

    private static final String CONSUMER = "queue-scoring";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "firsthand.kafka.partitions", defaultValue = "3")
    int partitions;

    @Inject
    MinioClient minio;

    @Inject
    OptionalHttpClientProducer httpClients;

    @Inject
    AgroalDataSource db;

    ScoringFixtures fixtures;
    Sql sql;
    Job job;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ScoringFixtures(kafka, minio);
        sql = new Sql(db);
        job = Job.photos(Ids.next(Ids.ORGANIZATION));
    }

    @Test
    void theObjectStoreClientTakesItsHttpClientFromStorageHttpClient() {
        // The MinIO extension builds the MinioClient with the OptionalHttpClientProducer bean: it must be ours, or
        // firsthand.storage.trust-ca would be ignored.
        assertThat(ClientProxy.unwrap(httpClients)).isInstanceOf(StorageHttpClient.class);
    }

    @Test
    void uploadsWaitingInTheTopicAreQueuedInOneTransactionEachOnce() throws Exception {
        List<EventEnvelope> waiting = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            waiting.add(stored(i));
        }
        try (Connection holder = db.getConnection()) {
            holdIntakeAt(holder, stored(0));
            try (KafkaProducer<String, String> producer = producer()) {
                waiting.forEach(upload -> send(producer, upload));
                send(producer, waiting.get(0));
                send(producer, new EventEnvelope(Ids.next(Ids.EVENT), waiting.get(1).type(), 1, Instant.now(),
                        job.orgId(), "submission", waiting.get(1).aggregateId(), waiting.get(1).payload()));
            }
            holder.rollback();
        }

        for (EventEnvelope upload : waiting) {
            fixtures.scored(upload);
        }
        assertThat(sql.first(Long.class, "SELECT count(DISTINCT xmin::text) FROM processed_event WHERE consumer = ? "
                + "AND event_id = ANY(CAST(? AS text[]))", CONSUMER, array(waiting, EventEnvelope::id)))
                .as("transactions that queued the 12 uploads published together (at most one per partition)")
                .isBetween(1L, (long) partitions);
        String ids = array(waiting, EventEnvelope::aggregateId);
        assertThat(sql.first(Long.class, "SELECT count(*) FROM scoring_task WHERE submission_id = "
                + "ANY(CAST(? AS text[]))", ids)).isEqualTo(12L);
        assertThat(sql.first(Long.class, "SELECT count(*) FROM score WHERE submission_id = ANY(CAST(? AS text[]))",
                ids)).isEqualTo(12L);
        assertThat(sql.first(Long.class, "SELECT count(*) FROM credit_ledger WHERE submission_id = "
                + "ANY(CAST(? AS text[]))", ids)).isEqualTo(12L);
    }

    @Test
    void badRecordsAmongGoodOnesAreDeadLetteredAloneAndTheOthersQueued() throws Exception {
        double malformedBefore = DeadLetters.counted("unknown", CONSUMER);
        double invalidBefore = DeadLetters.counted(Topics.SUBMISSION_UPLOADED, CONSUMER);
        String malformedKey = "malformed-" + Ids.next(Ids.EVENT);
        String invalidKey = Ids.next(Ids.SUBMISSION);
        EventEnvelope invalid = new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_UPLOADED, 1, Instant.now(),
                job.orgId(), "submission", invalidKey, EventJson.toTree(Map.of("submission_id", invalidKey)));
        List<EventEnvelope> good = List.of(stored(20), stored(21), stored(22));

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, good.get(0));
            producer.send(new ProducerRecord<>(Topics.SUBMISSION_UPLOADED, malformedKey, "{\"id\": "));
            send(producer, good.get(1));
            send(producer, invalid);
            send(producer, good.get(2));
        }

        for (EventEnvelope upload : good) {
            assertThat(fixtures.allScores(upload)).hasSize(1);
        }
        assertThat(DeadLetters.await(kafka, malformedKey).value()).isEqualTo("{\"id\": ");
        DeadLetters.Letter letter = DeadLetters.await(kafka, invalidKey);
        assertThat(letter.value()).isEqualTo(EventJson.write(invalid));
        assertThat(letter.header("dead-letter-reason")).contains(CONSUMER).contains(invalid.id());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(DeadLetters.counted("unknown", CONSUMER)).isEqualTo(malformedBefore + 1);
            assertThat(DeadLetters.counted(Topics.SUBMISSION_UPLOADED, CONSUMER)).isEqualTo(invalidBefore + 1);
        });
        assertThat(sql.first(Long.class, "SELECT count(*) FROM scoring_task WHERE submission_id = ?", invalidKey))
                .isZero();
    }

    /**
     * Keeps the intake busy on {@code first}: its processed-event row is inserted, uncommitted, on
     * {@code holder}, so the consumer's insert of the same row waits on it while more records pile up behind.
     */
    private void holdIntakeAt(Connection holder, EventEnvelope first) throws Exception {
        holder.setAutoCommit(false);
        try (PreparedStatement s = holder.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)")) {
            s.setString(1, CONSUMER);
            s.setString(2, first.id());
            s.executeUpdate();
        }
        fixtures.redeliver(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.first(Long.class, "SELECT count(*) FROM "
                + "pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%processed_event%'") > 0);
    }

    private EventEnvelope stored(int seed) throws Exception {
        return fixtures.store(job, Ids.next(Ids.SUBMISSION), "wkr_intake",
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(700 + seed, 800, 600), 0.9f));
    }

    /** Sends lingering, so that what is sent together reaches the broker in one request. */
    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 200), new StringSerializer(),
                new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope event) {
        producer.send(new ProducerRecord<>(event.type(), event.aggregateId(), EventJson.write(event)));
    }

    private static String array(List<EventEnvelope> events, Function<EventEnvelope, String> field) {
        return "{" + String.join(",", events.stream().map(field).toList()) + "}";
    }
}
