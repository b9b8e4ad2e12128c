package com.firsthand.common.idempotency;

import com.firsthand.common.config.FirsthandConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The idempotency_key table. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    record StoredResponse(String requestHash, int status, String body) {
    }

    private final AgroalDataSource dataSource;
    private final FirsthandConfig config;

    public IdempotencyKeyRepository(AgroalDataSource dataSource, FirsthandConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Inserts the key; false when it exists (waiting, if another transaction holds it, until that ends). */
    boolean claim(String scope, String key, String requestHash) {
        String sql = "INSERT INTO idempotency_key (scope, idempotency_key, request_hash) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, scope);
            s.setString(2, key);
            s.setString(3, requestHash);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim idempotency key", e);
        }
    }

    /** The stored response of a key whose request has committed; empty for a new key or one still running. */
    Optional<StoredResponse> findCompleted(String scope, String key) {
        return select(scope, key).filter(stored -> stored.status() != 0);
    }

    StoredResponse find(String scope, String key) {
        return select(scope, key).orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
    }

    private Optional<StoredResponse> select(String scope, String key) {
        String sql = "SELECT request_hash, response_status, response_body FROM idempotency_key "
                + "WHERE scope = ? AND idempotency_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, scope);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency key", e);
        }
    }

    void complete(String scope, String key, int status, String body) {
        String sql = "UPDATE idempotency_key SET response_status = ?, response_body = ? "
                + "WHERE scope = ? AND idempotency_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, status);
            s.setString(2, body);
            s.setString(3, scope);
            s.setString(4, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store idempotent response", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "DELETE FROM idempotency_key WHERE created_at < ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.idempotency().retention())));
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
