package com.firsthand.scoring;

import com.firsthand.common.testing.SyntheticPhotos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.EventEnvelope;
import com.firsthand.infra.PostgresServer;
import com.firsthand.scoring.ScoringFixtures.Job;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scoring-service as a real process: killed with -9 in the middle of a stream of uploads and started again, it
 * scores every submission exactly once in effect — one verdict, one charge, one event id per submission.
 */
class ScoringServiceProcessesIT {

    static final String[] SHORT_LEASE = {"-Dfirsthand.scoring.lease=PT3S", "-Dfirsthand.scoring.lease-renewal=1s"};

    @TempDir
    Path dir;

    @Test
    void aKilledScoringServiceLosesAndRepeatsNothing() throws Exception {
        try (ScoringProcess scoring = new ScoringProcess(dir).start(SHORT_LEASE);
                ScoredEvents scored = new ScoredEvents(scoring.kafka())) {
            ScoringFixtures fixtures = new ScoringFixtures(scoring.kafka(), scoring.minio());
            Job job = Job.photos(Ids.next(Ids.ORGANIZATION));
            List<EventEnvelope> uploads = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 80; i++) {
                    try {
                        uploads.add(fixtures.upload(job, "wkr_" + i,
                                SyntheticPhotos.jpeg(SyntheticPhotos.scene(9000 + i, 1600, 1200), 0.85f), "image/jpeg"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> scored.poll().scoredCount() >= 10);
            scoring.kill();
            int scoredBeforeRestart = scored.poll().scoredCount();
            stream.get(120, TimeUnit.SECONDS);
            scoring.start(SHORT_LEASE);
            fixtures.redeliver(uploads.get(0));

            await().atMost(Duration.ofSeconds(120)).until(() -> scored.poll().scoredCount() == uploads.size());
            assertThat(scoredBeforeRestart).isLessThan(uploads.size());
            for (EventEnvelope upload : uploads) {
                Set<String> ids = scored.eventIds().get(upload.aggregateId());
                assertThat(ids).as("event ids for " + upload.aggregateId()).hasSize(1);
            }
            try (Connection db = DriverManager.getConnection(scoring.jdbcUrl(), PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                assertThat(count(db, "SELECT count(*) FROM score")).isEqualTo(uploads.size());
                assertThat(count(db, "SELECT count(*) FROM credit_ledger")).isEqualTo(
                        count(db, "SELECT count(*) FROM score WHERE NOT pre_scoring"));
                assertThat(count(db, "SELECT count(*) FROM scoring_task WHERE status <> 'done'")).isZero();
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
