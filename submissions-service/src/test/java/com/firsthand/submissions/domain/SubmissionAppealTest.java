package com.firsthand.submissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.events.AppealStatuses;
import com.firsthand.events.SubmissionStatuses;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of a worker's appeal on the submission itself, and how a buyer's decision closes it. */
class SubmissionAppealTest {

    private static final Instant SCORED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration OVERRIDE_WINDOW = Duration.ofDays(30);

    @Test
    void aRejectionIsAppealedOnceWithinTheWindow() {
        Submission lastMoment = rejected();
        lastMoment.appeal("The mailbox is in focus", null, false, SCORED.plus(WINDOW), WINDOW);
        assertThat(lastMoment.appealStatus).isEqualTo(AppealStatuses.PENDING);
        assertThat(lastMoment.awaitsAppealScore()).isTrue();
        assertThat(lastMoment.status).as("still rejected until decided").isEqualTo(SubmissionStatuses.REJECTED);
        assertRefused(() -> lastMoment.appeal("again", null, false, SCORED.plusSeconds(1), WINDOW),
                "already_appealed");

        assertRefused(() -> rejected().appeal("late", null, false, SCORED.plus(WINDOW).plusSeconds(1), WINDOW),
                "appeal_window_closed");
    }

    @Test
    void onlyScoredRejectionsTheBuyerHasNotDecidedAreAppealed() {
        Submission approved = rejected();
        approved.status = SubmissionStatuses.APPROVED;
        assertRefused(() -> approved.appeal("m", null, false, SCORED, WINDOW), "submission_not_rejected");

        Submission cancelled = rejected();
        cancelled.aiStarRating = null;
        assertRefused(() -> cancelled.appeal("m", null, false, SCORED, WINDOW), "not_appealable");

        Submission decided = rejected();
        decided.status = SubmissionStatuses.APPROVED;
        decided.override(SubmissionStatuses.REJECTED, "no", SCORED, OVERRIDE_WINDOW);
        assertRefused(() -> decided.appeal("m", null, false, SCORED, WINDOW), "decided_by_buyer");

        Submission swept = rejected();
        swept.originalDeletedAt = SCORED;
        assertRefused(() -> swept.appeal("m", null, false, SCORED, WINDOW), "file_no_longer_stored");
    }

    @Test
    void aFactFoundBeforeScoringIsAppealedOnlyWithWhyItIsWrong() {
        Submission duplicate = rejected();
        assertThatThrownBy(() -> duplicate.appeal("please", " ", true, SCORED, WINDOW))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("disputed_fact");
        assertThat(duplicate.appealStatus).isNull();

        duplicate.appeal("please", "A different mailbox of the same model", true, SCORED, WINDOW);
        assertThat(duplicate.appealDisputedFact).isEqualTo("A different mailbox of the same model");
    }

    @Test
    void theAppealScorerUpholdsOrLeavesItToTheBuyerWhoseConfirmationDecidesIt() {
        Submission upheld = appealed();
        upheld.appealRescored(4, "In focus", true, SCORED.plusSeconds(60));
        assertThat(upheld.status).isEqualTo(SubmissionStatuses.APPROVED);
        assertThat(upheld.appealStatus).isEqualTo(AppealStatuses.UPHELD);

        Submission waiting = appealed();
        waiting.appealRescored(2, "Still blurred", false, SCORED.plusSeconds(60));
        assertThat(waiting.appealStatus).isEqualTo(AppealStatuses.PENDING);
        assertThat(waiting.awaitsAppealScore()).isFalse();
        String previous = waiting.override(SubmissionStatuses.REJECTED, "Agreed, blurred", SCORED.plusSeconds(90),
                OVERRIDE_WINDOW);
        assertThat(previous).isEqualTo(SubmissionStatuses.REJECTED);
        assertThat(waiting.appealStatus).isEqualTo(AppealStatuses.DECIDED_BY_BUYER);
        assertThat(waiting.appealDecidedAt).isEqualTo(SCORED.plusSeconds(90));

        Submission noAppeal = rejected();
        assertThatThrownBy(() -> noAppeal.override(SubmissionStatuses.REJECTED, "x", SCORED, OVERRIDE_WINDOW))
                .isInstanceOf(OverrideRefusedException.class).hasMessageContaining("already rejected");
    }

    private static void assertRefused(Runnable appeal, String code) {
        assertThatThrownBy(appeal::run).isInstanceOf(AppealRefusedException.class)
                .extracting(e -> ((AppealRefusedException) e).code()).isEqualTo(code);
    }

    private static Submission appealed() {
        Submission submission = rejected();
        submission.appeal("The mailbox is in focus", null, false, SCORED, WINDOW);
        return submission;
    }

    private static Submission rejected() {
        Submission submission = new Submission();
        submission.id = "sub_01JEXAMPLE00000000000000000";
        submission.status = SubmissionStatuses.REJECTED;
        submission.aiStarRating = 2;
        submission.aiReasoning = "Blurred";
        submission.scoredAt = SCORED;
        return submission;
    }
}
