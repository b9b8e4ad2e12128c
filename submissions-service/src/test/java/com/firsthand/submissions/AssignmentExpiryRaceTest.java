package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The expiry of an assignment against an upload of it committed while the expiry waits for the job's lock. */
@QuarkusTest
class AssignmentExpiryRaceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource database;

    @Test
    void anAssignmentUsedWhileItsExpiryWaitsForTheJobStaysUsed() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String first = fixtures.worker();
        String second = fixtures.worker();
        fixtures.awaitAuthenticated(first);
        fixtures.awaitAuthenticated(second);
        String jobId = fixtures.job(2, null, null);
        String[] used = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> used[0] = WorkerFixtures.accept(first, jobId)
                .then().statusCode(200).extract().path("id"));
        WorkerFixtures.accept(second, jobId).then().statusCode(200);
        String assignmentId = used[0];

        try (Connection upload = database.getConnection()) {
            // An upload of the first worker's assignment: it takes the job's lock first, as the service does.
            upload.setAutoCommit(false);
            try (var lock = upload.prepareStatement("SELECT held FROM job_replica WHERE id = ? FOR UPDATE")) {
                lock.setString(1, jobId);
                try (var rows = lock.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
            }
            // Meanwhile the assignment's time runs out: the expiry (every second in tests) picks it up and waits
            // for the job's lock, having read the assignment still active.
            update("UPDATE assignment SET expires_at = now() - interval '1 minute' WHERE id = ?", assignmentId);
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForARowLockOn("job_replica") >= 1);
            try (var use = upload.prepareStatement(
                    "UPDATE assignment SET status = 'used', updated_at = now() WHERE id = ?");
                    var move = upload.prepareStatement(
                            "UPDATE job_replica SET held = held - 1, pending = pending + 1 WHERE id = ?")) {
                use.setString(1, assignmentId);
                assertThat(use.executeUpdate()).isEqualTo(1);
                move.setString(1, jobId);
                assertThat(move.executeUpdate()).isEqualTo(1);
            }
            upload.commit();
        }

        // The expiry reads the assignment after it has the lock: used, so not its to expire.
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionsWaitingForARowLockOn("job_replica") == 0);
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(query("SELECT status FROM assignment WHERE id = ?", assignmentId)).isEqualTo("used");
            assertThat(query("SELECT held || '/' || pending FROM job_replica WHERE id = ?", jobId))
                    .as("held/pending: the second worker's hold and the upload").isEqualTo("1/1");
        });
    }

    private void update(String sql, String id) throws Exception {
        try (Connection connection = database.getConnection(); var update = connection.prepareStatement(sql)) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String query(String sql, String id) throws Exception {
        try (Connection connection = database.getConnection(); var query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private long sessionsWaitingForARowLockOn(String table) throws Exception {
        try (Connection connection = database.getConnection(); var query = connection.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?""")) {
            query.setString(1, "%" + table + "%");
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
