package com.firsthand.submissions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A slot a worker holds on a job: active until it uploads (submitted), the hold runs out (expired) or the job ends
 * first (released, with the reason).
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    public static final String ACTIVE = "active";
    public static final String SUBMITTED = "submitted";
    /** What a pod of the previous release writes for {@link #SUBMITTED} during a rolling update (V5 migration). */
    public static final String SUBMITTED_BEFORE_V5 = "used";
    public static final String EXPIRED = "expired";
    public static final String RELEASED = "released";
    public static final Set<String> STATUSES = Set.of(ACTIVE, SUBMITTED, EXPIRED, RELEASED);

    public static final String REASON_EXPIRED = "expired";
    public static final String REASON_JOB_CANCELLED = "job_cancelled";
    public static final String REASON_JOB_COMPLETED = "job_completed";
    public static final String REASON_JOB_EXPIRED = "job_expired";

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "org_id")
    public String orgId;
    @Column(name = "worker_id")
    public String workerId;
    public String status;
    /** Why an expired or released slot ended; null while active or once submitted. */
    public String reason;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "expiring_notified_at")
    public Instant expiringNotifiedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The status as the API says it. */
    public String publicStatus() {
        return SUBMITTED_BEFORE_V5.equals(status) ? SUBMITTED : status;
    }

    /** The worker uploaded with this slot. */
    public void submit(Instant now) {
        end(SUBMITTED, null, now);
    }

    /** The hold ran out unused. */
    public void expire(Instant now) {
        end(EXPIRED, REASON_EXPIRED, now);
    }

    /** The job ended (cancelled, completed, expired) while the slot was held unused. */
    public void release(String why, Instant now) {
        end(RELEASED, why, now);
    }

    /** Whether the worker should now be told the hold is about to lapse: once, within {@code notice} of it. */
    public boolean dueExpiringNotice(Duration notice, Instant now) {
        return isActive() && expiringNotifiedAt == null && !expiresAt.minus(notice).isAfter(now)
                && expiresAt.isAfter(now);
    }

    public void expiringNoticeSent(Instant now) {
        expiringNotifiedAt = now;
    }

    private void end(String newStatus, String why, Instant now) {
        if (!isActive()) {
            throw new IllegalStateException("assignment " + id + " is " + status + ", not active");
        }
        status = newStatus;
        reason = why;
        updatedAt = now;
    }
}
