package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.submissions.repository.FileStorage;
import org.junit.jupiter.api.Test;

class QuarantineKeyTest {

    @Test
    void theSubmissionIdIsReadBackOnlyFromKeysOfTheQuarantineLayout() {
        assertThat(FileStorage.submissionIdOf(FileStorage.quarantineKey("org_1", "job_2", "sub_3"))).contains("sub_3");
        assertThat(FileStorage.submissionIdOf("quarantine/org_1/readme.txt")).isEmpty();
        assertThat(FileStorage.submissionIdOf("quarantine/org_1/job_2/")).isEmpty();
        assertThat(FileStorage.submissionIdOf("quarantine/org_1/job_2/sub_3/extra")).isEmpty();
        assertThat(FileStorage.submissionIdOf("orgs/org_1/jobs/job_2/files/file_3")).isEmpty();
    }
}
