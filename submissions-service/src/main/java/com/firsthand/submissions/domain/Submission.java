package com.firsthand.submissions.domain;

import com.firsthand.events.SubmissionStatuses;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A worker's upload for a job and its fate: pending_score, then approved or rejected. A rejected one becomes
 * retry_pending when the worker accepts the job again, and rejected again once that slot produced a new attempt
 * (named in retry_submission_id) or ended without one.
 */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "org_id")
    public String orgId;
    @Column(name = "worker_id")
    public String workerId;
    @Column(name = "assignment_id")
    public String assignmentId;
    public String status;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "file_id")
    public String fileId;
    @Column(name = "file_key")
    public String fileKey;
    public String note;
    @Column(name = "ai_star_rating")
    public Integer aiStarRating;
    @Column(name = "ai_reasoning")
    public String aiReasoning;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "scored_at")
    public Instant scoredAt;
    /** A retry_pending submission: the slot the worker took to retry it. */
    @Column(name = "retry_assignment_id")
    public String retryAssignmentId;
    /** A retried submission: the new attempt made with that slot. */
    @Column(name = "retry_submission_id")
    public String retrySubmissionId;
    /** When the quarantine original was deleted (redundant after approval, or past the rejected retention). */
    @Column(name = "original_deleted_at")
    public Instant originalDeletedAt;

    /** The buyer paid for it: approved, with its copy in the job folder. Only then is the full file handed out. */
    public boolean delivered() {
        return SubmissionStatuses.APPROVED.equals(status) && fileKey != null;
    }

    /** An image whose pixels are still stored (the approved copy, or the original not yet deleted). */
    public boolean previewable() {
        return contentType != null && contentType.startsWith("image/") && (delivered() || originalDeletedAt == null);
    }

    /** The object a preview is made from: the approved copy once there is one, else the original. */
    public String previewSourceKey() {
        return delivered() ? fileKey : objectKey;
    }

    /** Size of the delivered copy (metadata removed), once approved; size_bytes stays the upload's size. */
    @Column(name = "file_size_bytes")
    public Long fileSizeBytes;
    /** verified, unverified or outside: what scoring read from the photo's GPS; null for jobs without location. */
    @Column(name = "location_status")
    public String locationStatus;
    @Column(name = "location_distance_km")
    public Double locationDistanceKm;

    /** The approved copy's size once delivered (metadata removed), else the upload's. */
    public long deliveredSizeBytes() {
        return fileSizeBytes != null ? fileSizeBytes : sizeBytes;
    }

    /** The worker took a slot to retry this rejected submission. */
    public void retryWith(String assignmentId) {
        requireStatus(SubmissionStatuses.REJECTED);
        status = SubmissionStatuses.RETRY_PENDING;
        retryAssignmentId = assignmentId;
    }

    /** The retry slot produced a new attempt ({@code attemptId}), or ended without one (null). */
    public void retryClosed(String attemptId) {
        requireStatus(SubmissionStatuses.RETRY_PENDING);
        status = SubmissionStatuses.REJECTED;
        retrySubmissionId = attemptId;
    }

    private void requireStatus(String expected) {
        if (!expected.equals(status)) {
            throw new IllegalStateException("submission " + id + " is " + status + ", not " + expected);
        }
    }
}
