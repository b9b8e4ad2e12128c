package com.firsthand.common.auth;

import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.events.CredentialChanged;
import io.agroal.api.AgroalDataSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code credential} table: the owner's records in jobs-service, a replica fed from credential.changed
 * in every other service. Look-ups are cached for a short time (firsthand.auth.cache-ttl, default 2 s),
 * which bounds how long a revoked key keeps working on a replica that did not apply the revocation itself.
 */
@ApplicationScoped
public class CredentialRepository {

    private final AgroalDataSource dataSource;
    private final Cache<String, Optional<Caller>> cache;

    public CredentialRepository(AgroalDataSource dataSource, FirsthandConfig config) {
        this.dataSource = dataSource;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.auth().cacheTtl()).maximumSize(10_000).build();
    }

    public Optional<Caller> findActiveBySecretHash(String secretHash) {
        return cache.get(secretHash, this::load);
    }

    private Optional<Caller> load(String secretHash) {
        String sql = "SELECT id, kind, org_id, worker_id FROM credential WHERE secret_hash = ? AND status = 'active'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, secretHash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Audience audience = CredentialChanged.KIND_WORKER_TOKEN.equals(rs.getString("kind"))
                        ? Audience.WORKER : Audience.BUYER;
                return Optional.of(new Caller(audience, rs.getString("id"), rs.getString("org_id"),
                        rs.getString("worker_id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("credential look-up failed", e);
        }
    }

    public Optional<CredentialChanged> findById(String id) {
        List<CredentialChanged> found = select("WHERE id = ?", id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Credentials in id order after {@code afterId} (all when empty): the owner's reseed pages through them. */
    public List<CredentialChanged> page(String afterId, int limit) {
        return select("WHERE id > ? ORDER BY id", afterId, limit);
    }

    private List<CredentialChanged> select(String where, String parameter, int limit) {
        String sql = "SELECT id, kind, org_id, worker_id, secret_hash, status, changed_at, version FROM credential "
                + where + " LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<CredentialChanged> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(8);
                    found.add(new CredentialChanged(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            version == 0 ? null : version));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("credential look-up failed", e);
        }
    }

    /**
     * Stores a credential's state unless the stored one is as new: a higher version wins; records without a
     * version (version 0 here) are ordered by changed_at among themselves and lose to any versioned one. Events
     * may arrive out of order, twice, or replayed by a reseed or a rebuild.
     *
     * @return whether the state was stored; false when a newer or the same version was already there
     */
    public boolean upsert(CredentialChanged credential) {
        String sql = """
                INSERT INTO credential (id, kind, org_id, worker_id, secret_hash, status, changed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE
                SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at, version = EXCLUDED.version
                WHERE EXCLUDED.version > credential.version
                   OR (EXCLUDED.version = 0 AND credential.version = 0
                       AND credential.changed_at <= EXCLUDED.changed_at)""";
        boolean stored;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, credential.credentialId());
            s.setString(2, credential.kind());
            s.setString(3, credential.orgId());
            s.setString(4, credential.workerId());
            s.setString(5, credential.secretHash());
            s.setString(6, credential.status());
            s.setTimestamp(7, Timestamp.from(credential.changedAt()));
            s.setLong(8, credential.versionOrZero());
            stored = s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("credential update failed", e);
        }
        cache.invalidate(credential.secretHash());
        return stored;
    }
}
