package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.e2e.OtlpCollector.CollectedSpan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One upload's trace, as an operator reads it in the collector: the worker's request through the gateway, the
 * submission.uploaded event relayed from the outbox, scoring (queued in a table, scored later on another thread),
 * submission.scored relayed from scoring's outbox, what submissions-service published in turn, and webhook-service
 * delivering it to the buyer, all in the trace the caller started, each hop descending from the one before.
 * (AppealIT checks an appeal's trace the same way.)
 */
@ExtendWith(LocalStack.class)
class TracingIT {

    /** A span expected in a trace: the service that made it and its name. */
    record Hop(String service, String name) {
    }

    private final LocalStack stack = LocalStack.get();

    @Test
    void anUploadsTraceGoesThroughTheOutboxesKafkaTheScoringQueueAndTheWebhookDeliveries() throws Exception {
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
            market.awaitWebhooks(uploaded.json().path("id").asText(), "submission.scored");

            List<CollectedSpan> trace = awaitSpans(stack.collector(), traceId, List.of(
                    new Hop("submissions-service", "submission.uploaded publish"),
                    new Hop("scoring-service", "score submission"),
                    new Hop("scoring-service", "submission.scored publish"),
                    new Hop("submissions-service", "submission.status_changed publish"),
                    new Hop("webhook-service", "webhook deliver")));
            assertThat(span(trace, new Hop("scoring-service", "score submission")).orElseThrow().parentSpanId())
                    .as("scoring continues the uploaded event's own span, across the queue")
                    .isEqualTo(span(trace, new Hop("submissions-service", "submission.uploaded publish"))
                            .orElseThrow().spanId());
            assertThat(trace).filteredOn(span -> span.service().equals("submissions-service")
                    && span.kind().equals("SPAN_KIND_SERVER")).as("the upload request").isNotEmpty();
            assertThat(span(trace, new Hop("webhook-service", "webhook deliver")).orElseThrow().kind())
                    .isEqualTo("SPAN_KIND_CLIENT");
        }
    }

    /**
     * Waits until the trace has every hop, a span of each descending from a span of the one before (a hop may have
     * several spans: an upload leads to more than one status change and webhook delivery); returns the trace.
     */
    static List<CollectedSpan> awaitSpans(OtlpCollector collector, String traceId, List<Hop> hops) {
        AtomicReference<List<CollectedSpan>> complete = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<CollectedSpan> trace = collector.trace(traceId);
            List<CollectedSpan> previous = null;
            Hop previousHop = null;
            for (Hop hop : hops) {
                List<CollectedSpan> spans = trace.stream().filter(span -> span.service().equals(hop.service())
                        && span.name().equals(hop.name())).toList();
                assertThat(spans).as("%s in trace %s: %s", hop, traceId, trace).isNotEmpty();
                if (previous != null) {
                    List<CollectedSpan> ancestors = previous;
                    spans = spans.stream().filter(span -> ancestors.stream()
                            .anyMatch(ancestor -> descends(trace, span, ancestor))).toList();
                    assertThat(spans).as("%s descending from %s in %s", hop, previousHop, trace).isNotEmpty();
                }
                previous = spans;
                previousHop = hop;
            }
            complete.set(trace);
        });
        return complete.get();
    }

    private static boolean descends(List<CollectedSpan> trace, CollectedSpan span, CollectedSpan ancestor) {
        for (CollectedSpan at = span; at != null; ) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = at.parentSpanId();
            at = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
        }
        return false;
    }

    private static Optional<CollectedSpan> span(List<CollectedSpan> trace, Hop hop) {
        return trace.stream().filter(span -> span.service().equals(hop.service()) && span.name().equals(hop.name()))
                .findFirst();
    }

    /** Random lowercase hex of that many bytes, never all zeros (W3C trace and span ids). */
    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
