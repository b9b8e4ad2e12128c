package com.firsthand.submissions.mapping;

import com.firsthand.events.SubmissionScored;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.rest.model.AppealResponse;
import com.firsthand.submissions.rest.model.LocationFactsResponse;
import com.firsthand.submissions.rest.model.OverrideResponse;
import com.firsthand.submissions.rest.model.SubmissionResponse;

public final class SubmissionMapper {

    private SubmissionMapper() {
    }

    /** @param fileUrl a presigned download URL, or null where the caller may not download the file */
    public static SubmissionResponse toResponse(Submission submission, String fileUrl) {
        return toResponse(submission, fileUrl, null);
    }

    /** The buyer's view: the full file once approved, a preview of images. */
    public static SubmissionResponse toBuyerResponse(Submission submission, FileUrls urls) {
        return toResponse(submission, urls.of(submission), FileUrls.previewOf(submission));
    }

    private static SubmissionResponse toResponse(Submission submission, String fileUrl, String previewUrl) {
        return new SubmissionResponse("submission", submission.id, submission.jobId, submission.workerId,
                submission.status, submission.aiStarRating, submission.aiReasoning, fileUrl, previewUrl,
                submission.contentType, submission.deliveredSizeBytes(), submission.submittedAt, submission.scoredAt,
                location(submission), submission.retrySubmissionId, override(submission), appeal(submission));
    }

    public static AppealResponse appeal(Submission submission) {
        return submission.appealStatus == null ? null : new AppealResponse(submission.appealStatus,
                submission.appealMessage, submission.appealDisputedFact, submission.appealedAt,
                submission.appealRescoreStars, submission.appealRescoreReasoning, submission.appealDecidedAt);
    }

    public static OverrideResponse override(Submission submission) {
        return submission.overrideDecision == null ? null : new OverrideResponse(submission.overrideDecision,
                submission.overrideReason, submission.overridePreviousStatus, submission.overriddenAt);
    }

    public static LocationFactsResponse location(Submission submission) {
        return submission.locationStatus == null ? null : new LocationFactsResponse(
                SubmissionScored.LOCATION_VERIFIED.equals(submission.locationStatus), submission.locationStatus,
                submission.locationDistanceKm);
    }
}
