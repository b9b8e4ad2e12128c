package com.firsthand.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The location fields added to job.created, submission.uploaded and submission.scored are optional both ways. */
class LocationFactsTest {

    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aScoreCarriesTheLocationVerdictAndNoCoordinates() {
        SubmissionScored scored = new SubmissionScored("sub_1", "job_1", "org_1", "wkr_1", 4, "fine", false, 1,
                List.of(), "local", AT, new SubmissionScored.Location(SubmissionScored.LOCATION_VERIFIED, 3.2));

        var tree = EventJson.toTree(scored);

        assertThat(tree.get("location").toString()).isEqualTo("{\"status\":\"verified\",\"distance_km\":3.2}");
        assertThat(EventJson.fromTree(tree, SubmissionScored.class)).isEqualTo(scored);
    }

    @Test
    void payloadsWrittenBeforeTheFieldsExistedReadAsAbsent() {
        SubmissionScored scored = new SubmissionScored("sub_1", "job_1", "org_1", "wkr_1", 4, "fine", false, 1,
                List.of(), "local", AT);
        var tree = EventJson.toTree(scored);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("location");
        assertThat(EventJson.fromTree(tree, SubmissionScored.class).location()).isNull();

        var job = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.toTree(new JobCreated("job_1", "org_1",
                "open", "photo", "d", 1, List.of(), 100, 1.0, 2.0, 3.0, null, null, null, null, null, AT, true));
        assertThat(EventJson.fromTree(job, JobCreated.class).locationRequired()).isTrue();
        job.remove("location_required");
        assertThat(EventJson.fromTree(job, JobCreated.class).locationRequired()).isNull();
    }
}
