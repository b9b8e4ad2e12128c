package com.firsthand.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Job job(int filesNeeded) {
        Job job = new Job();
        job.id = "job_1";
        job.status = JobStatus.OPEN;
        job.filesNeeded = filesNeeded;
        return job;
    }

    @Test
    void walksTheLifecycleFromOpenToCompleted() {
        Job job = job(3);

        assertThat(job.applyProgress(1, 0, 0, 1, 0, null, NOW).to()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.applyProgress(2, 0, 2, 1, 0, null, NOW).to()).isEqualTo(JobStatus.FILLED);
        assertThat(job.applyProgress(3, 0, 1, 1, 1, 2.0, NOW).to()).as("a rejection frees a slot")
                .isEqualTo(JobStatus.OPEN);
        assertThat(job.applyProgress(4, 2, 0, 1, 1, 3.5, NOW).to()).isEqualTo(JobStatus.FILLED);
        StatusTransition done = job.applyProgress(5, 3, 0, 0, 1, 3.7, NOW);

        assertThat(done.to()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.completedAt).isEqualTo(NOW);
        assertThat(job.filesApproved).isEqualTo(3);
    }

    @Test
    void olderOrRepeatedCountsChangeNothing() {
        Job job = job(5);
        job.applyProgress(7, 2, 1, 0, 0, 4.0, NOW);

        assertThat(job.applyProgress(6, 1, 0, 0, 0, 4.0, NOW)).isNull();
        assertThat(job.applyProgress(7, 1, 0, 0, 0, 4.0, NOW)).isNull();
        assertThat(job.filesApproved).isEqualTo(2);
        assertThat(job.filesPending).isEqualTo(1);
    }

    @Test
    void filesApprovedNeverExceedsFilesNeeded() {
        Job job = job(2);
        job.applyProgress(1, 5, 0, 0, 0, 4.0, NOW);

        assertThat(job.filesApproved).isEqualTo(2);
        assertThat(job.status).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aCompletedJobWhoseApprovedFileTheBuyerTakesBackIsInProgressAgainUntilItCompletesAgain() {
        Job job = job(2);
        job.applyProgress(1, 2, 0, 0, 0, 4.0, NOW);
        Instant later = NOW.plusSeconds(60);

        StatusTransition reopened = job.applyProgress(2, 1, 0, 0, 1, 3.0, later);

        assertThat(reopened.from()).isEqualTo(JobStatus.COMPLETED);
        assertThat(reopened.to()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.filesApproved).isEqualTo(1);
        assertThat(job.completedAt).isNull();
        assertThat(job.applyProgress(3, 1, 1, 0, 1, 3.0, later).to()).as("the freed slot taken again")
                .isEqualTo(JobStatus.FILLED);
        assertThat(job.applyProgress(4, 2, 0, 0, 1, 3.3, later).to()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.completedAt).isEqualTo(later);
    }

    @Test
    void finalStatusesStayFinal() {
        Job job = job(2);
        job.cancel(NOW);

        assertThat(job.applyProgress(1, 2, 0, 0, 0, 4.0, NOW)).isNull();
        assertThat(job.status).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.filesApproved).as("approvals that were in flight still count").isEqualTo(2);
        assertThat(job.applyProgress(2, 1, 0, 0, 1, 3.0, NOW)).as("an override does not reopen a cancelled job")
                .isNull();
        assertThatThrownBy(() -> job.cancel(NOW)).isInstanceOf(JobStateException.class);
        assertThat(job.expire(NOW)).isNull();
    }

    @Test
    void onlyACompletedJobIsRatedAndOnlyOnce() {
        Job job = job(1);
        assertThatThrownBy(() -> job.rate(4, null)).isInstanceOf(JobStateException.class)
                .hasMessageContaining("Only completed jobs");
        job.applyProgress(1, 1, 0, 0, 0, 5.0, NOW);

        job.rate(4, "Great");

        assertThat(job.buyerRating).isEqualTo(4);
        assertThatThrownBy(() -> job.rate(5, null)).isInstanceOf(JobStateException.class)
                .hasMessageContaining("already rated");
    }
}
