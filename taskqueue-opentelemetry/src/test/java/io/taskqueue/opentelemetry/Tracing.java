package io.taskqueue.opentelemetry;

import org.awaitility.Awaitility;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;

/** An SDK that keeps finished spans in memory, for tests; close it when done. */
final class Tracing implements AutoCloseable {
    final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    /** Built without propagators, as a plain SDK is: the extension must fall back to W3C. */
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();

    /** Waits until {@code count} spans of {@code kind} have ended, and returns them in end order. */
    List<SpanData> await(SpanKind kind, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(kind).size() >= count);
        return of(kind);
    }

    List<SpanData> of(SpanKind kind) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
