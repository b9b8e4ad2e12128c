package com.firsthand.submissions.domain;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.events.AppealStatuses;
import com.firsthand.events.SubmissionStatuses;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
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

    /** The buyer's override (approved or rejected), when there was one: final. */
    @Column(name = "override_decision")
    public String overrideDecision;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "override_previous_status")
    public String overridePreviousStatus;
    @Column(name = "overridden_at")
    public Instant overriddenAt;

    /** The worker's appeal of the rejection, when there was one: its status is one of AppealStatuses. */
    @Column(name = "appeal_status")
    public String appealStatus;
    @Column(name = "appeal_message")
    public String appealMessage;
    @Column(name = "appeal_disputed_fact")
    public String appealDisputedFact;
    @Column(name = "appealed_at")
    public Instant appealedAt;
    @Column(name = "appeal_rescore_stars")
    public Integer appealRescoreStars;
    @Column(name = "appeal_rescore_reasoning")
    public String appealRescoreReasoning;
    @Column(name = "appeal_decided_at")
    public Instant appealDecidedAt;

    /**
     * The worker appeals the rejection, once, within {@code window} of the score. A rejection by a pre-scoring check
     * is a fact (a duplicate, the minimum size, outside the radius): appealed only with why it is wrong.
     *
     * @param preScoringRejection whether the pre-scoring checks, not the AI, rejected it
     */
    public void appeal(String message, String disputedFact, boolean preScoringRejection, Instant now,
            Duration window) {
        if (!SubmissionStatuses.REJECTED.equals(status)) {
            throw new AppealRefusedException(AppealRefusedException.NOT_REJECTED,
                    "Only a rejected submission can be appealed; this one is " + status + ".");
        }
        if (overrideDecision != null) {
            throw new AppealRefusedException(AppealRefusedException.DECIDED_BY_BUYER,
                    "The buyer decided on this submission; that decision is final.");
        }
        if (appealStatus != null) {
            throw new AppealRefusedException(AppealRefusedException.ALREADY_APPEALED,
                    "This submission was already appealed (" + appealStatus + ").");
        }
        if (aiStarRating == null || scoredAt == null) {
            throw new AppealRefusedException(AppealRefusedException.NOT_APPEALABLE,
                    "This submission was rejected because its job was cancelled, not by a score.");
        }
        if (now.isAfter(scoredAt.plus(window))) {
            throw new AppealRefusedException(AppealRefusedException.WINDOW_CLOSED, "Appeals are accepted for "
                    + window.toDays() + " days after the score; this one was scored at " + scoredAt + ".");
        }
        if (originalDeletedAt != null) {
            throw new AppealRefusedException(AppealRefusedException.FILE_NO_LONGER_STORED,
                    "The file of this submission is no longer stored, so it cannot be scored again.");
        }
        if (preScoringRejection && (disputedFact == null || disputedFact.isBlank())) {
            throw new InvalidParameterException("disputed_fact", "This rejection is a fact found before scoring ("
                    + aiReasoning + "); say in disputed_fact why it is wrong to appeal it.");
        }
        appealStatus = AppealStatuses.PENDING;
        appealMessage = message;
        appealDisputedFact = preScoringRejection ? disputedFact : null;
        appealedAt = now;
    }

    /** Whether the appeal waits for the appeal scorer's verdict. */
    public boolean awaitsAppealScore() {
        return AppealStatuses.PENDING.equals(appealStatus) && appealRescoreStars == null;
    }

    /** The appeal scorer's verdict: approves (the use case then delivers and pays) or leaves it to the buyer. */
    public void appealRescored(int stars, String reasoning, boolean approved, Instant now) {
        appealRescoreStars = stars;
        appealRescoreReasoning = reasoning;
        if (approved) {
            status = SubmissionStatuses.APPROVED;
            appealStatus = AppealStatuses.UPHELD;
            appealDecidedAt = now;
        }
    }

    /** The override window closed with the appeal still waiting for the buyer: the rejection stands. */
    public void appealDenied(Instant now) {
        appealStatus = AppealStatuses.DENIED;
        appealDecidedAt = now;
    }

    /**
     * The buyer overrides the AI's decision on scored work, once, within {@code window} of its score. Only moves the
     * status and records the override; the job's counts, the file and the payout follow in the use case. While the
     * worker's appeal waits for the buyer, confirming the rejection is a decision too.
     *
     * @return the status it had
     */
    public String override(String decision, String reason, Instant now, Duration window) {
        if (SubmissionStatuses.PENDING_SCORE.equals(status)) {
            throw new OverrideRefusedException(OverrideRefusedException.NOT_SCORED,
                    "This submission has not been scored yet; decide once it is.");
        }
        if (SubmissionStatuses.RETRY_PENDING.equals(status)) {
            throw new OverrideRefusedException(OverrideRefusedException.RETRY_IN_PROGRESS,
                    "The worker is retrying this rejected submission; decide on the new attempt instead.");
        }
        if (overrideDecision != null) {
            throw new OverrideRefusedException(OverrideRefusedException.ALREADY_OVERRIDDEN,
                    "This submission was already overridden (" + overrideDecision + "); an override is final.");
        }
        boolean appealWaits = AppealStatuses.PENDING.equals(appealStatus);
        if (decision.equals(status) && !appealWaits) {
            throw new OverrideRefusedException(OverrideRefusedException.NOT_A_CHANGE,
                    "This submission is already " + status + ".");
        }
        if (scoredAt == null || now.isAfter(scoredAt.plus(window))) {
            throw new OverrideRefusedException(OverrideRefusedException.WINDOW_CLOSED,
                    "Overrides are accepted for " + window.toDays() + " days after the score; this one was scored at "
                            + scoredAt + ".");
        }
        if (SubmissionStatuses.APPROVED.equals(decision) && originalDeletedAt != null) {
            throw new OverrideRefusedException(OverrideRefusedException.FILE_NO_LONGER_STORED,
                    "The file of this rejected submission is no longer stored, so it cannot be approved.");
        }
        String previous = status;
        status = decision;
        overrideDecision = decision;
        overrideReason = reason;
        overridePreviousStatus = previous;
        overriddenAt = now;
        if (appealWaits) {
            appealStatus = AppealStatuses.DECIDED_BY_BUYER;
            appealDecidedAt = now;
        }
        return previous;
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
