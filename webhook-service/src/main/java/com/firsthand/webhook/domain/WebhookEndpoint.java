package com.firsthand.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A buyer's URL subscribed to platform events. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

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
    @Column(name = "created_at")
    public Instant createdAt;
}
