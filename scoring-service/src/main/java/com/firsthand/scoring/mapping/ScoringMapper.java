package com.firsthand.scoring.mapping;

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
                        : new SubmissionScored.Location(verdict.location().status(), verdict.location().distanceKm()));
    }

    public static List<Check> checks(List<SubmissionScored.Check> checks) {
        return checks.stream().map(c -> new Check(c.name(), c.passed(), c.detail())).toList();
    }
}
