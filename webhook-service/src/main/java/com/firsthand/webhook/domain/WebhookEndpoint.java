package com.firsthand.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A buyer's URL subscribed to platform events. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";

    @Id
    public String id;
    @Column(name = "org_id")
    public String orgId;
    public String url;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "enabled_events")
    public List<String> enabledEvents;
    public String status;
    @Column(name = "disabled_reason")
    public String disabledReason;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The secrets that sign a delivery made at {@code now}: the current one, then the previous during grace. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public void rotateSecret(String newSecret, Instant now, Instant previousExpiresAt) {
        previousSecret = secret;
        previousSecretExpiresAt = previousExpiresAt;
        secret = newSecret;
        updatedAt = now;
    }

    public boolean isEnabled() {
        return ENABLED.equals(status);
    }

    public void disable(String reason, Instant now) {
        status = DISABLED;
        disabledReason = reason;
        updatedAt = now;
    }

    public void enable(Instant now) {
        status = ENABLED;
        disabledReason = null;
        failingSince = null;
        updatedAt = now;
    }
}
