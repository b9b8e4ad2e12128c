package com.firsthand.submissions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A slot a worker holds on a job until it uploads (used) or the hold runs out (expired). */
@Entity
@Table(name = "assignment")
public class Assignment {

    public static final String ACTIVE = "active";
    public static final String USED = "used";
    public static final String EXPIRED = "expired";
    public static final String RELEASED = "released";

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "org_id")
    public String orgId;
    @Column(name = "worker_id")
    public String workerId;
    public String status;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
