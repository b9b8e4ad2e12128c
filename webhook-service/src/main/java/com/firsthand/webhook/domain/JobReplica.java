package com.firsthand.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What job events need of a job that does not change after it is posted. */
@Entity
@Table(name = "job_replica")
public class JobReplica {

    @Id
    public String id;
    @Column(name = "org_id")
    public String orgId;
    public String type;
    public String description;
    @Column(name = "files_needed")
    public int filesNeeded;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "accepted_formats")
    public List<String> acceptedFormats;
    @Column(name = "price_per_file_cents")
    public int pricePerFileCents;
    public Instant deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata;
    @Column(name = "created_at")
    public Instant createdAt;
}
