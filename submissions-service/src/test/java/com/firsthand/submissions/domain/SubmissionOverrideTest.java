package com.firsthand.submissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.events.SubmissionStatuses;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of a buyer's override on the submission itself: once, on scored work, within the window. */
class SubmissionOverrideTest {

    private static final Instant SCORED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void anOverrideMovesTheStatusAndRecordsWhatItOverrode() {
        Submission submission = scored(SubmissionStatuses.APPROVED);
        Instant now = SCORED.plus(Duration.ofDays(2));

        String previous = submission.override(SubmissionStatuses.REJECTED, "Wrong subject", now, WINDOW);

        assertThat(previous).isEqualTo(SubmissionStatuses.APPROVED);
        assertThat(submission.status).isEqualTo(SubmissionStatuses.REJECTED);
        assertThat(submission.overrideDecision).isEqualTo(SubmissionStatuses.REJECTED);
        assertThat(submission.overridePreviousStatus).isEqualTo(SubmissionStatuses.APPROVED);
        assertThat(submission.overrideReason).isEqualTo("Wrong subject");
        assertThat(submission.overriddenAt).isEqualTo(now);
    }

    @Test
    void theWindowRunsFromTheScoreAndClosesAfterIt() {
        Submission lastMoment = scored(SubmissionStatuses.REJECTED);
        lastMoment.override(SubmissionStatuses.APPROVED, "ok", SCORED.plus(WINDOW), WINDOW);
        assertThat(lastMoment.status).isEqualTo(SubmissionStatuses.APPROVED);

        Submission late = scored(SubmissionStatuses.REJECTED);
        assertRefused(() -> late.override(SubmissionStatuses.APPROVED, "ok", SCORED.plus(WINDOW).plusSeconds(1),
                WINDOW), "override_window_closed");
        assertThat(late.status).isEqualTo(SubmissionStatuses.REJECTED);
        assertThat(late.overrideDecision).isNull();
    }

    @Test
    void onlyScoredWorkThatWouldChangeIsOverriddenAndOnlyOnce() {
        assertRefused(() -> scored(SubmissionStatuses.PENDING_SCORE).override(SubmissionStatuses.APPROVED, "ok",
                SCORED, WINDOW), "submission_not_scored");
        assertRefused(() -> scored(SubmissionStatuses.RETRY_PENDING).override(SubmissionStatuses.APPROVED, "ok",
                SCORED, WINDOW), "retry_in_progress");
        assertRefused(() -> scored(SubmissionStatuses.APPROVED).override(SubmissionStatuses.APPROVED, "ok", SCORED,
                WINDOW), "override_not_a_change");

        Submission once = scored(SubmissionStatuses.APPROVED);
        once.override(SubmissionStatuses.REJECTED, "no", SCORED, WINDOW);
        assertRefused(() -> once.override(SubmissionStatuses.APPROVED, "yes after all", SCORED, WINDOW),
                "already_overridden");
        assertThat(once.status).isEqualTo(SubmissionStatuses.REJECTED);
    }

    @Test
    void rejectedWorkWhoseFileIsNoLongerStoredCannotBeApproved() {
        Submission swept = scored(SubmissionStatuses.REJECTED);
        swept.originalDeletedAt = SCORED.plus(Duration.ofDays(1));

        assertRefused(() -> swept.override(SubmissionStatuses.APPROVED, "ok", SCORED.plusSeconds(5), WINDOW),
                "file_no_longer_stored");
    }

    private static void assertRefused(Runnable override, String code) {
        assertThatThrownBy(override::run).isInstanceOf(OverrideRefusedException.class)
                .extracting(e -> ((OverrideRefusedException) e).code()).isEqualTo(code);
    }

    private static Submission scored(String status) {
        Submission submission = new Submission();
        submission.id = "sub_01JEXAMPLE00000000000000000";
        submission.status = status;
        submission.scoredAt = SubmissionStatuses.PENDING_SCORE.equals(status) ? null : SCORED;
        return submission;
    }
}
