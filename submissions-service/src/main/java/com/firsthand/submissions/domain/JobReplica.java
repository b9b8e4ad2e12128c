package com.firsthand.submissions.domain;

import com.firsthand.events.JobStatuses;
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

    /** Completed, cancelled and expired jobs take no new work. */
    public boolean acceptsWork(Instant now) {
        return !JobStatuses.isFinal(status) && (deadline == null || deadline.isAfter(now));
    }

    public Double averageRating() {
        return rated == 0 ? null : (double) ratingSum / rated;
    }
}
