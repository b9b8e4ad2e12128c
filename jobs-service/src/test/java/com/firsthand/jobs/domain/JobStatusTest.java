package com.firsthand.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.events.JobStatuses;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lifecycle speaks the events' vocabulary: every status and only those, the same final ones. */
class JobStatusTest {

    @Test
    void wireNamesAreTheEventsStatuses() {
        assertThat(Arrays.stream(JobStatus.values()).map(JobStatus::wireName))
                .containsExactlyInAnyOrderElementsOf(JobStatuses.ALL);
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isFinal).map(JobStatus::wireName))
                .containsExactlyInAnyOrderElementsOf(JobStatuses.FINAL);
    }
}
