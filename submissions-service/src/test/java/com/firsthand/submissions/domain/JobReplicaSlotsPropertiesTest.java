package com.firsthand.submissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.firsthand.events.JobStatuses;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slot rules of {@link JobReplica} over generated sequences of what happens to a job, each step taken only
 * when the real system could take it (an upload needs a held slot, a score needs pending work, as the assignment
 * and submission rows guarantee), buyers' overrides among them: approved + pending + held never exceeds files_needed
 * and no count goes negative.
 */
class JobReplicaSlotsPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void slotsNeverExceedFilesNeeded() {
        qt().forAll(integers().between(1, 12), lists().of(integers().between(0, 599)).ofSizeBetween(0, 150))
                .checkAssert((filesNeeded, steps) -> run(filesNeeded, steps));
    }

    @Test
    void aFullJobRefusesAHoldAndChangesNothing() {
        JobReplica job = job(1);
        job.hold();
        assertThat(job.offer(NOW)).isEqualTo(JobReplica.Offer.FULL);
        assertThatThrownBy(job::hold).isInstanceOf(WorkRefusedException.class)
                .extracting(e -> ((WorkRefusedException) e).code()).isEqualTo("no_slots_left");
        assertThat(job.held).isEqualTo(1);
    }

    @Test
    void theOfferIsDerivedFromDeadlineStatusAndCounts() {
        JobReplica job = job(2);
        assertThat(job.offer(NOW)).isEqualTo(JobReplica.Offer.OPEN);
        job.status = JobStatuses.COMPLETED;
        assertThat(job.offer(NOW)).isEqualTo(JobReplica.Offer.CLOSED);
        job.deadline = NOW;
        assertThat(job.offer(NOW)).isEqualTo(JobReplica.Offer.PAST_DEADLINE);
    }

    private static void run(int filesNeeded, List<Integer> steps) {
        JobReplica job = job(filesNeeded);
        int scored = 0;
        int cancelled = 0;
        for (int step : steps) {
            switch (step % 6) {
                case 0, 1 -> {
                    if (job.remaining() > 0) {
                        job.hold();
                    } else {
                        assertThatThrownBy(job::hold).isInstanceOf(WorkRefusedException.class);
                    }
                }
                case 2 -> {
                    if (job.held > 0) {
                        job.recordUpload();
                    }
                }
                case 3 -> {
                    if (job.pending > 0) {
                        job.applyScore(1 + step / 6 % 5);
                        scored++;
                    }
                }
                case 4 -> {
                    if (job.held > 0) {
                        job.expireHold();
                    }
                }
                default -> {
                    if (step % 7 == 0) {
                        cancelled += job.pending;
                        job.release(job.pending, job.held);
                    } else if (step % 3 == 0 && job.approved > 0) {
                        job.overrideToRejected();
                    } else if (step % 3 == 1 && job.rejected > 0) {
                        if (job.remaining() > 0) {
                            job.overrideToApproved();
                        } else {
                            int approved = job.approved;
                            assertThatThrownBy(job::overrideToApproved).isInstanceOf(OverrideRefusedException.class)
                                    .extracting(e -> ((OverrideRefusedException) e).code()).isEqualTo("job_full");
                            assertThat(job.approved).isEqualTo(approved);
                        }
                    }
                }
            }
            assertThat(job.approved + job.pending + job.held).as("approved + pending + held after %s", steps)
                    .isLessThanOrEqualTo(job.filesNeeded);
            assertThat(List.of(job.approved, job.pending, job.held, job.rejected)).allMatch(count -> count >= 0);
            assertThat(job.approved + job.rejected).isEqualTo(scored + cancelled);
            assertThat(job.rated).isEqualTo(scored);
            assertThat(job.remaining()).isGreaterThanOrEqualTo(0);
        }
    }

    private static JobReplica job(int filesNeeded) {
        JobReplica job = new JobReplica();
        job.id = "job_01JEXAMPLE00000000000000000";
        job.status = JobStatuses.OPEN;
        job.filesNeeded = filesNeeded;
        return job;
    }
}
