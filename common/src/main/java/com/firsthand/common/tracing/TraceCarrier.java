package com.firsthand.common.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across a hop that is not a call: a row written now and read by another thread later (the
 * outbox, a work queue). What it keeps is what the configured propagators write (W3C {@code traceparent},
 * {@code tracestate}, baggage), so the trace a request started goes on in the work it caused.
 */
@ApplicationScoped
public class TraceCarrier {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public TraceCarrier(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("com.firsthand");
    }

    /**
     * Starts a span that goes on with the trace stored beside a piece of work; returns the context to make current
     * around that work. End it with {@code Span.fromContext(context).end()}.
     */
    public Context startSpan(String name, SpanKind kind, String storedJson) {
        Context parent = restoreJson(storedJson);
        return parent.with(tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan());
    }

    /** The trace context a Kafka record carries in its headers, as JSON to store; null when it carries none. */
    public String fromHeaders(Headers headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : propagator.fields()) {
            Header header = headers.lastHeader(field);
            if (header != null && header.value() != null) {
                fields.put(field, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return fields.isEmpty() ? null : toJson(fields);
    }

    public Map<String, String> fields(Context context) {
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(context, fields, (carrier, key, value) -> carrier.put(key, value));
        return fields;
    }

    /** The context the fields describe, or the root context when they describe none. */
    public Context restore(Map<String, String> fields) {
        return propagator.extract(Context.root(), fields, MAP_GETTER);
    }

    /** The current trace context as JSON to store beside the work it caused; null when there is none. */
    public String currentJson() {
        Map<String, String> fields = fields(Context.current());
        return fields.isEmpty() ? null : toJson(fields);
    }

    private static String toJson(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context stored by {@link #currentJson()}; the root context for null or unreadable JSON. */
    public Context restoreJson(String json) {
        if (json == null) {
            return Context.root();
        }
        try {
            return restore(JSON.readValue(json, FIELDS));
        } catch (JsonProcessingException e) {
            return Context.root();
        }
    }
}
