package io.taskqueue.docs;

import io.opentelemetry.api.OpenTelemetry;
import io.taskqueue.TaskQueue;
import io.taskqueue.opentelemetry.TaskQueueTracing;

/** docs/observability.md. */
final class ObservabilityExamples {
    private ObservabilityExamples() {
    }

    static TaskQueue traced(OpenTelemetry openTelemetry) {
        // tag::tracing[]
        TaskQueue taskQueue = TaskQueue.builder()
                .backend("redis://localhost:6379")
                .extension(TaskQueueTracing.create(openTelemetry))
                .build();
        // end::tracing[]
        return taskQueue;
    }
}
