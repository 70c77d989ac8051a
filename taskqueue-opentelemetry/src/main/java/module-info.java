/**
 * taskqueue-opentelemetry: OpenTelemetry tracing for taskqueue ({@code io.taskqueue.opentelemetry}),
 * on the OpenTelemetry API only; the application brings the SDK.
 */
module io.taskqueue.opentelemetry {
    requires transitive io.taskqueue.core;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires com.fasterxml.jackson.databind;

    exports io.taskqueue.opentelemetry;
}
