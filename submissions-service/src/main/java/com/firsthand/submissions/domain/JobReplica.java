package com.firsthand.submissions.domain;

import com.firsthand.events.JobStatuses;
import com.firsthand.events.Scores;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the worker side knows of a job: jobs-service owns it, job events keep this copy current. */
@Entity
@Table(name = "job_replica")
public class JobReplica {

    @Id
    public String id;
    @Column(name = "org_id")
    public String orgId;
    public String status;
    public String type;
    public String description;
    @Column(name = "files_needed")
    public int filesNeeded;
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
    @Column(name = "min_width")
    public Integer minWidth;
    @Column(name = "min_height")
    public Integer minHeight;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    public int approved;
    public int pending;
    public int held;
    public int rejected;
    @Column(name = "rating_sum")
    public long ratingSum;
    public int rated;
    @Column(name = "capacity_sequence")
    public long capacitySequence;

    /** Slots a new worker can still take. */
    public int remaining() {
        return filesNeeded - approved - pending - held;
    }

    /**
     * What the job offers a worker now, derived from its status, deadline and counts. Completed, cancelled and
     * expired jobs take no new work, nor does one past its deadline.
     */
    public Offer offer(Instant now) {
        if (deadline != null && !deadline.isAfter(now)) {
            return Offer.PAST_DEADLINE;
        }
        if (JobStatuses.isFinal(status)) {
            return Offer.CLOSED;
        }
        return remaining() > 0 ? Offer.OPEN : Offer.FULL;
    }

    /** Whether a worker may still accept the job (now, or once a slot frees up). */
    public boolean acceptsWork(Instant now) {
        Offer offer = offer(now);
        return offer == Offer.OPEN || offer == Offer.FULL;
    }

    /** Refuses work once the job is final or past its deadline. */
    public void requireOpen(Instant now) {
        Offer offer = offer(now);
        if (offer == Offer.PAST_DEADLINE) {
            throw new WorkRefusedException(WorkRefusedException.JOB_NOT_OPEN, "This job's deadline has passed; it accepts no new work.");
        }
        if (offer == Offer.CLOSED) {
            throw new WorkRefusedException(WorkRefusedException.JOB_NOT_OPEN, "This job is " + status + " and accepts no new work.");
        }
    }

    public void requireFreeSlot() {
        if (remaining() <= 0) {
            throw new WorkRefusedException(WorkRefusedException.NO_SLOTS_LEFT, "Every slot of this job is taken; try again later.");
        }
    }

    /** A worker takes a slot (an assignment). */
    public void hold() {
        requireFreeSlot();
        held++;
    }

    /** The holder uploaded: its slot waits for the score. */
    public void recordUpload() {
        held--;
        pending++;
    }

    /** A score for pending work: approved keeps the slot for good, rejected frees it. Returns whether approved. */
    public boolean applyScore(int stars) {
        boolean approves = Scores.approves(stars);
        pending--;
        ratingSum += stars;
        rated++;
        if (approves) {
            approved++;
        } else {
            rejected++;
        }
        return approves;
    }

    /** The buyer rejected approved work: its slot opens again. */
    public void overrideToRejected() {
        approved--;
        rejected++;
    }

    /**
     * Rejected work approved late (a buyer's override, an upheld appeal): it takes a free slot, so the job never
     * holds more than files_needed.
     */
    public void overrideToApproved() {
        if (remaining() <= 0) {
            throw new OverrideRefusedException(OverrideRefusedException.JOB_FULL, "Every slot of this job is approved"
                    + " or taken by work in progress, so this file cannot be approved within files_needed ("
                    + filesNeeded + ").");
        }
        rejected--;
        approved++;
    }

    /** An unused hold ran out. */
    public void expireHold() {
        held--;
    }

    /** A cancel: pending work is rejected unscored and held slots are given back; approved files stay. */
    public void release(int pendingRejected, int holdsReleased) {
        pending -= pendingRejected;
        rejected += pendingRejected;
        held -= holdsReleased;
    }

    public Double averageRating() {
        return rated == 0 ? null : (double) ratingSum / rated;
    }

    public enum Offer {
        OPEN, FULL, PAST_DEADLINE, CLOSED
    }
}
