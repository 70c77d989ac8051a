package io.taskqueue.opentelemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A context to and from the text kept in {@code JobOptions.telemetryMetadata}: the JSON text of a flat
 * object of propagation headers (e.g. {@code {"traceparent":"00-…-01"}}), the shape bullmq-otel
 * writes with {@code JSON.stringify} and parses with {@code JSON.parse}.
 */
final class TraceMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final TextMapPropagator propagator;

    TraceMetadata(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    /** The metadata text of {@code context}, or {@code null} when the propagator writes nothing. */
    String write(Context context) {
        // Insertion order, so the text reads as Node's does (traceparent before tracestate).
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(context, headers, Map::put);
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write trace metadata", e);
        }
    }

    /**
     * {@code parent} with the context read from {@code metadata}; {@code parent} itself when there
     * is none or it cannot be read: a job whose trace metadata is damaged still runs, in a new trace.
     */
    Context read(Context parent, String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return parent;
        }
        Map<String, Object> parsed;
        try {
            parsed = JSON.readValue(metadata, OBJECT);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return parent;
        }
        if (parsed == null) {
            return parent;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        parsed.forEach((k, v) -> {
            if (v instanceof String s) {
                headers.put(k, s);
            }
        });
        return propagator.extract(parent, headers, GETTER);
    }
}
