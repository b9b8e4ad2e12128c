package com.firsthand.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceCarrierTest {

    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final TraceCarrier carrier = new TraceCarrier(sdk);

    @Test
    void aStoredContextRestoresTheSpanItWasStoredIn() {
        Span request = sdk.getTracer("test").spanBuilder("request").startSpan();
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = carrier.currentJson();
        } finally {
            request.end();
        }

        assertThat(stored).contains("traceparent").contains(request.getSpanContext().getTraceId());
        SpanContext restored = Span.fromContext(carrier.restoreJson(stored)).getSpanContext();
        assertThat(restored.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(restored.getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(restored.isRemote()).isTrue();
        assertThat(restored.isSampled()).isTrue();
    }

    @Test
    void aSpanStartedFromStoredWorkContinuesItsTrace() {
        Span request = sdk.getTracer("test").spanBuilder("request").startSpan();
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = carrier.currentJson();
        }

        Context work = carrier.startSpan("work", SpanKind.CONSUMER, stored);

        assertThat(Span.fromContext(work).getSpanContext().getTraceId())
                .isEqualTo(request.getSpanContext().getTraceId());
        assertThat(Span.fromContext(work).getSpanContext().getSpanId())
                .isNotEqualTo(request.getSpanContext().getSpanId());
    }

    @Test
    void withoutATraceNothingIsStoredAndUnreadableJsonStartsANewTrace() {
        assertThat(carrier.currentJson()).isNull();
        assertThat(Span.fromContext(carrier.restoreJson(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(carrier.restoreJson("{not json")).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(carrier.startSpan("work", SpanKind.INTERNAL, "{not json")).getSpanContext()
                .isValid()).as("a root span of its own").isTrue();
    }

    @Test
    void aRecordsTraceIsReadFromItsHeaders() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        headers.add("unrelated", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(carrier.fromHeaders(headers)).isEqualTo("{\"traceparent\":\"" + traceparent + "\"}");
        assertThat(carrier.fromHeaders(new RecordHeaders())).isNull();
    }
}
