package com.firsthand.scoring.service;

import com.firsthand.events.SubmissionUploaded;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.PreScoringChecks;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.repository.FingerprintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Pre-scoring: rejects (1 star, no credit) a file that failed a check or duplicates another submission, else
 * records its fingerprint as pending so that a copy arriving meanwhile is caught. Runs under advisory locks on
 * the job and the worker.
 */
@ApplicationScoped
public class ScreenSubmission {

    private final FingerprintRepository fingerprints;
    private final RecordVerdict recordVerdict;
    private final ScoringConfig config;
    private final Clock clock;

    public ScreenSubmission(FingerprintRepository fingerprints, RecordVerdict recordVerdict, ScoringConfig config,
            Clock clock) {
        this.fingerprints = fingerprints;
        this.recordVerdict = recordVerdict;
        this.config = config;
        this.clock = clock;
    }

    /** True when pre-scoring decided the submission (its verdict is recorded). */
    @Transactional
    public boolean screen(SubmissionUploaded upload, FileFacts file, PreScoringChecks checks, int attempts) {
        fingerprints.lockScopes(upload.jobId(), upload.workerId());
        Optional<Check> failure = checks.failure().or(() -> duplicate(upload, file));
        fingerprints.record(upload.submissionId(), upload.jobId(), upload.workerId(), file.sha256(), file.dhash(),
                failure.isPresent() ? "rejected" : FingerprintRepository.PENDING, clock.instant());
        if (failure.isEmpty()) {
            return false;
        }
        recordVerdict.record(upload, Verdict.rejectedBeforeScoring(failure.get(), checks.passed())
                .withLocation(checks.location()), attempts);
        return true;
    }

    private Optional<Check> duplicate(SubmissionUploaded upload, FileFacts file) {
        Optional<String> identical = fingerprints.identical(upload.jobId(), upload.workerId(), upload.submissionId(),
                file.sha256());
        if (identical.isPresent()) {
            return Optional.of(Check.failed("duplicate", "This file is byte-for-byte identical to submission "
                    + identical.get() + ". Submit a new photo."));
        }
        if (file.dhash() == null) {
            return Optional.empty();
        }
        return fingerprints.nearest(upload.jobId(), upload.workerId(), upload.submissionId(), file.dhash())
                .filter(match -> match.distance() <= config.duplicateMaxDistance())
                .map(match -> Check.failed("duplicate", "This image is a near-duplicate of submission "
                        + match.submissionId() + " (perceptual hash distance " + match.distance()
                        + " of 64). Submit a new photo."));
    }
}
