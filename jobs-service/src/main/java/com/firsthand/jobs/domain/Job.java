package com.firsthand.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A buyer's content-collection job. Status changes go through the lifecycle methods only. */
@Entity
@Table(name = "job")
public class Job {

    @Id
    public String id;
    @Column(name = "org_id")
    public String orgId;
    @Convert(converter = JobStatusConverter.class)
    public JobStatus status;
    public String type;
    public String description;
    @Column(name = "files_needed")
    public int filesNeeded;
    @Column(name = "files_approved")
    public int filesApproved;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "accepted_formats")
    public List<String> acceptedFormats;
    @Column(name = "price_per_file_cents")
    public int pricePerFileCents;
    @Column(name = "location_lat")
    public Double locationLat;
    @Column(name = "location_lng")
    public Double locationLng;
    @Column(name = "location_radius_km")
    public Double locationRadiusKm;
    @Column(name = "location_required")
    public boolean locationRequired;
    public Instant deadline;
    @Column(name = "max_workers")
    public Integer maxWorkers;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata;
    @Column(name = "min_width")
    public Integer minWidth;
    @Column(name = "min_height")
    public Integer minHeight;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "buyer_rating")
    public Integer buyerRating;
    @Column(name = "buyer_feedback")
    public String buyerFeedback;
    @Column(name = "capacity_sequence")
    public long capacitySequence;
    @Column(name = "files_pending")
    public int filesPending;
    @Column(name = "slots_held")
    public int slotsHeld;
    @Column(name = "files_rejected")
    public int filesRejected;
    @Column(name = "average_rating")
    public Double averageRating;
    @Version
    public long version;

    public boolean hasLocation() {
        return locationLat != null;
    }

    /** Cancels the job; pending work is rejected downstream, approved files stay the buyer's. */
    public StatusTransition cancel(Instant now) {
        if (status.isFinal()) {
            throw new JobStateException(JobStateException.NOT_CANCELLABLE,
                    "This job is " + status.wireName() + "; only open, in_progress or filled jobs can be cancelled.");
        }
        cancelledAt = now;
        return moveTo(JobStatus.CANCELLED, now);
    }

    /** Stops new work once the deadline has passed; null when the job is already final. */
    public StatusTransition expire(Instant now) {
        return status.isFinal() ? null : moveTo(JobStatus.EXPIRED, now);
    }

    /**
     * Takes the worker side's latest slot counts. A count older than the one held is ignored, so redelivered
     * or reordered events leave the job correct; returns the status transition it caused, if any.
     */
    public StatusTransition applyProgress(long sequence, int approved, int pending, int held, int rejected,
            Double averageRating, Instant now) {
        if (sequence <= capacitySequence) {
            return null;
        }
        capacitySequence = sequence;
        filesApproved = Math.min(approved, filesNeeded);
        filesPending = pending;
        slotsHeld = held;
        filesRejected = rejected;
        this.averageRating = averageRating;
        updatedAt = now;
        JobStatus next = JobLifecycle.statusFor(status, filesNeeded, filesApproved, pending, held);
        if (next == status) {
            return null;
        }
        completedAt = next == JobStatus.COMPLETED ? now : null;
        return moveTo(next, now);
    }

    public void rate(int rating, String feedback) {
        if (status != JobStatus.COMPLETED) {
            throw new JobStateException(JobStateException.NOT_COMPLETED,
                    "Only completed jobs can be rated; this job is " + status.wireName() + ".");
        }
        if (buyerRating != null) {
            throw new JobStateException(JobStateException.ALREADY_RATED, "This job was already rated.");
        }
        buyerRating = rating;
        buyerFeedback = feedback;
    }

    private StatusTransition moveTo(JobStatus next, Instant now) {
        StatusTransition transition = new StatusTransition(status, next, now);
        status = next;
        updatedAt = now;
        return transition;
    }
}
