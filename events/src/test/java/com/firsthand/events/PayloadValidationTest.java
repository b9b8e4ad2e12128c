package com.firsthand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload a consumer reads is refused when no producer could have published it (a forged or impossible
 * record written straight to the topic), and read when it is what the producers publish.
 */
class PayloadValidationTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    static final SubmissionScored SCORED = new SubmissionScored("sub_1", "job_1", "org_1", "wkr_1", 4, "Sharp.",
            false, 1, List.of(new SubmissionScored.Check("sharpness", true, "fine")), "local", AT);
    static final SubmissionScored PRE_SCORED = new SubmissionScored("sub_1", "job_1", "org_1", "wkr_1", 1,
            "Wrong format.", true, 0, List.of(new SubmissionScored.Check("format", false, "gif")), "pre-scoring", AT);
    static final SubmissionUploaded UPLOADED = new SubmissionUploaded("sub_1", "job_1", "org_1", "wkr_1",
            "firsthand", "quarantine/org_1/job_1/sub_1", "image/jpeg", 2048, "ab12", 640, 480, "photo", "Mailboxes",
            List.of("image/jpeg"), null, null, 30.27, -97.74, 15.0, AT);
    static final JobCreated CREATED = new JobCreated("job_1", "org_1", "open", "data_collection", "Mailboxes", 3,
            List.of("image/jpeg"), 50, null, null, null, null, null, Map.of("batch", "7"), null, null, AT);
    static final JobStatusChanged STATUS = new JobStatusChanged("job_1", "org_1", "in_progress", "completed", AT, 3,
            3, null);
    static final JobCapacityChanged CAPACITY = new JobCapacityChanged("job_1", "org_1", 1, 0, 1, 1, 0, 1, null, AT);
    static final SubmissionStatusChanged SUBMISSION_STATUS = new SubmissionStatusChanged("sub_1", "job_1", "org_1",
            "wkr_1", "pending_score", "approved", 4, "Sharp.", "file_1", AT, "image/jpeg", 2048L, AT, AT, null, null, null);

    static Stream<Arguments> whatProducersPublish() {
        return Stream.of(SCORED, PRE_SCORED, UPLOADED, CREATED, STATUS, CAPACITY, SUBMISSION_STATUS,
                new JobStatusChanged("job_1", "org_1", "open", "cancelled", AT, 0, 1, Map.of("id", "job_1")),
                new JobCapacityChanged("job_1", "org_1", 9, 3, 0, 0, 2, 0, 4.5, AT),
                new SubmissionStatusChanged("sub_1", "job_1", "org_1", "wkr_1", "pending_score", "retry_pending",
                        null, null, null, AT, null, null, null, null, null, null, null))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("whatProducersPublish")
    void whatAProducerPublishesIsRead(Object payload) {
        assertThat(envelope(EventJson.toTree(payload)).payloadAs(payload.getClass())).isEqualTo(payload);
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forged("a verdict of 9 stars", SCORED, "ai_star_rating", 9),
                forged("a verdict of 0 stars", SCORED, "ai_star_rating", 0),
                forged("a verdict without stars", SCORED, "ai_star_rating", null),
                forged("a verdict for a blank submission", SCORED, "submission_id", " "),
                forged("a verdict for a job id that is not one", SCORED, "job_id", "sub_1"),
                forged("a verdict without an organisation", SCORED, "org_id", null),
                forged("a verdict charging 5 credits", SCORED, "credits_charged", 5),
                forged("a pre-scoring approval", SCORED, "pre_scoring", true),
                forged("a verdict without a time", SCORED, "scored_at", null),
                forged("an upload of negative size", UPLOADED, "size_bytes", -1),
                forged("an upload without an object key", UPLOADED, "object_key", ""),
                forged("an upload by nobody", UPLOADED, "worker_id", null),
                forged("an upload at latitude 200", UPLOADED, "location_lat", 200),
                forged("a job needing no files", CREATED, "files_needed", 0),
                forged("a job with a negative price", CREATED, "price_per_file_cents", -50),
                forged("a job in an unknown status", CREATED, "status", "hacked"),
                forged("a job without an organisation", CREATED, "org_id", null),
                forged("a job status change to an unknown status", STATUS, "to", "paid"),
                forged("a job status change with negative approvals", STATUS, "files_approved", -1),
                forged("a capacity with negative pending work", CAPACITY, "pending", -3),
                forged("a capacity without a sequence", CAPACITY, "sequence", 0),
                forged("a capacity rated 7", CAPACITY, "average_rating", 7.0),
                forged("a submission status change to an unknown status", SUBMISSION_STATUS, "to", "paid"),
                forged("a submission status change rated 6", SUBMISSION_STATUS, "ai_star_rating", 6),
                forged("a submission status change without a worker", SUBMISSION_STATUS, "worker_id", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedRecordIsRefusedAsMalformed(String name, Class<?> type, JsonNode payload) {
        assertThatThrownBy(() -> envelope(payload).payloadAs(type))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    private static Arguments forged(String name, Object valid, String field, Object value) {
        ObjectNode payload = (ObjectNode) EventJson.toTree(valid);
        payload.set(field, EventJson.toTree(value));
        return Arguments.of(name, valid.getClass(), payload);
    }

    private static EventEnvelope envelope(JsonNode payload) {
        return new EventEnvelope("evt_1", "test", 1, AT, "org_1", "test", "id_1", payload);
    }
}
