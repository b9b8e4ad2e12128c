package com.firsthand.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.scoring.ScoringFixtures.Job;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import com.firsthand.common.testing.SyntheticPhotos;
import io.agroal.api.AgroalDataSource;
import io.minio.MinioClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Leases: renewed for work in progress, and a task whose holder died is scored once its lease has run out. */
@QuarkusTest
class LeaseTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MinioClient minio;

    @Inject
    AgroalDataSource db;

    @Inject
    ScoringTaskRepository tasks;

    @Test
    void aTaskLeftClaimedByADeadReplicaIsScoredWhenItsLeaseRunsOut() throws Exception {
        ScoringFixtures fixtures = new ScoringFixtures(kafka, minio);
        String submissionId = Ids.next(Ids.SUBMISSION);
        EventEnvelope stored = fixtures.store(Job.photos(Ids.next(Ids.ORGANIZATION)), submissionId, "wkr_lease",
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(77, 1200, 900), 0.9f));
        execute("INSERT INTO scoring_task (submission_id, payload, attempts, next_attempt_at, lease_until, queued_at) "
                + "VALUES (?, CAST(? AS jsonb), 1, now(), now() + interval '2 seconds', now())", submissionId,
                EventJson.write(stored));

        SubmissionScored scored = fixtures.scored(stored);
        assertThat(scored.aiStarRating()).isBetween(3, 5);
        assertThat(leaseOf(submissionId)).isNull();
    }

    @Test
    void renewingALeasePushesItsEndForward() throws Exception {
        String submissionId = Ids.next(Ids.SUBMISSION);
        execute("INSERT INTO scoring_task (submission_id, payload, next_attempt_at, lease_until, queued_at) "
                + "VALUES (?, CAST(? AS jsonb), now() + interval '1 hour', now(), now())", submissionId, "{}");
        QuarkusTransaction.requiringNew().run(() -> tasks.renewLeases(List.of(submissionId), Duration.ofMinutes(2)));
        assertThat(leaseOf(submissionId)).isAfter(Instant.now().plusSeconds(100));
    }

    private void execute(String sql, String... values) throws Exception {
        new Sql(db).execute(sql, values);
    }

    private Instant leaseOf(String submissionId) throws Exception {
        OffsetDateTime lease = new Sql(db).first(OffsetDateTime.class,
                "SELECT lease_until FROM scoring_task WHERE submission_id = ?", submissionId);
        return lease == null ? null : lease.toInstant();
    }
}
