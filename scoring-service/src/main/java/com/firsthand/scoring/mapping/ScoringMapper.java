package com.firsthand.scoring.mapping;

import com.firsthand.events.SubmissionAppealed;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.GeoPoint;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import java.time.Instant;
import java.util.List;

/** Between event payloads and the scoring domain. */
public final class ScoringMapper {

    private ScoringMapper() {
    }

    public static JobRequirements requirements(SubmissionUploaded upload) {
        GeoPoint location = upload.locationLat() == null || upload.locationLng() == null ? null
                : new GeoPoint(upload.locationLat(), upload.locationLng());
        return new JobRequirements(upload.jobType(), upload.jobDescription(), upload.acceptedFormats(),
                upload.minWidth(), upload.minHeight(), location, upload.locationRadiusKm(),
                Boolean.TRUE.equals(upload.locationRequired()));
    }

    public static SubmissionScored scored(SubmissionUploaded upload, Verdict verdict, Instant at) {
        List<SubmissionScored.Check> checks = verdict.checks().stream()
                .map(c -> new SubmissionScored.Check(c.name(), c.passed(), c.detail())).toList();
        return new SubmissionScored(upload.submissionId(), upload.jobId(), upload.orgId(), upload.workerId(),
                verdict.stars(), verdict.reasoning(), verdict.preScoring(), verdict.credits(), checks, verdict.scorer(),
                at, verdict.location() == null ? null
                        : new SubmissionScored.Location(verdict.location().status(), verdict.location().distanceKm()),
                verdict.model(), verdict.rubricVersion());
    }

    /** The appeal scorer's verdict on a worker's appeal: not charged, no pre-scoring, no location facts anew. */
    public static SubmissionScored appealScored(SubmissionAppealed appealed, Verdict verdict, Instant at) {
        List<SubmissionScored.Check> checks = verdict.checks().stream()
                .map(c -> new SubmissionScored.Check(c.name(), c.passed(), c.detail())).toList();
        return new SubmissionScored(appealed.submissionId(), appealed.jobId(), appealed.orgId(), appealed.workerId(),
                verdict.stars(), verdict.reasoning(), false, 0, checks, verdict.scorer(), at, null, verdict.model(),
                verdict.rubricVersion(), true);
    }

    public static List<Check> checks(List<SubmissionScored.Check> checks) {
        return checks.stream().map(c -> new Check(c.name(), c.passed(), c.detail())).toList();
    }
}
