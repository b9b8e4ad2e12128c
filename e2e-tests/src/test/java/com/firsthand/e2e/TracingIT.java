package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.e2e.OtlpCollector.CollectedSpan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One upload's trace, as an operator reads it in the collector: the worker's request through the gateway, the
 * submission.uploaded event relayed from the outbox, scoring (queued in a table, scored later on another thread),
 * submission.scored relayed from scoring's outbox, and what submissions-service and webhook-service did with it,
 * all in the trace the caller started, each hop the child of the one before.
 */
@ExtendWith(LocalStack.class)
class TracingIT {

    private final LocalStack stack = LocalStack.get();

    @Test
    void anUploadsTraceGoesThroughTheOutboxesKafkaAndTheScoringQueueToEveryService() throws Exception {
        String traceId = hex(16);
        try (Marketplace market = new Marketplace(stack, "Tracing buyer", 50)) {
            String worker = market.worker("Traced worker");
            String jobId = market.job(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> stack.api().post("/v1/worker/jobs/" + jobId
                    + "/accept", worker, null).status() == 200);
            Api.Reply uploaded = stack.api().upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "photo.jpg",
                    "image/jpeg", Marketplace.photo(811), UUID.randomUUID().toString(),
                    Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
            String submission = uploaded.json().path("id").asText();
            market.awaitWebhooks(submission, "submission.scored");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<CollectedSpan> trace = stack.collector().trace(traceId);
                CollectedSpan uploadedEvent = span(trace, "submissions-service", "submission.uploaded publish");
                CollectedSpan scoring = span(trace, "scoring-service", "score submission");
                CollectedSpan scoredEvent = span(trace, "scoring-service", "submission.scored publish");
                assertThat(uploadedEvent.kind()).isEqualTo("SPAN_KIND_PRODUCER");
                assertThat(scoring.parentSpanId()).as("scoring continues the uploaded event's span, across the queue")
                        .isEqualTo(uploadedEvent.spanId());
                assertThat(scoredEvent.parentSpanId()).isEqualTo(scoring.spanId());
                assertThat(span(trace, "submissions-service", "submission.status_changed publish").parentSpanId())
                        .as("the consumer of submission.scored published in the same trace").isNotEmpty();
                assertThat(trace).as("the request, the upload and every service that took part")
                        .extracting(CollectedSpan::service).contains("submissions-service", "scoring-service",
                                "webhook-service");
                assertThat(trace).filteredOn(span -> span.service().equals("submissions-service")
                        && span.kind().equals("SPAN_KIND_SERVER")).as("the upload request").isNotEmpty();
            });
        }
    }

    private static CollectedSpan span(List<CollectedSpan> trace, String service, String name) {
        return trace.stream().filter(span -> span.service().equals(service) && span.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " of " + service + " in " + trace));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
