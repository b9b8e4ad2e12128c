package com.firsthand.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A public event; {@code body} is the exact JSON delivered to endpoints and returned by the Events API. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    public String id;
    @Column(name = "org_id")
    public String orgId;
    public String type;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "created_at")
    public Instant createdAt;
    public String body;
}
