package io.taskqueue.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute names our spans carry: OpenTelemetry's messaging semantic conventions, so generic
 * tooling understands the spans, and BullMQ's own names, so Java spans read like the ones
 * {@code bullmq-otel} makes in Node and one query finds both.
 */
final class SpanAttributes {
    /** The value of {@code messaging.system}: the wire protocol is BullMQ's, whichever runtime speaks it. */
    static final String SYSTEM = "bullmq";

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION_NAME = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

    static final AttributeKey<String> QUEUE_NAME = AttributeKey.stringKey("bullmq.queue.name");
    static final AttributeKey<String> QUEUE_OPERATION = AttributeKey.stringKey("bullmq.queue.operation");
    static final AttributeKey<String> JOB_NAME = AttributeKey.stringKey("bullmq.job.name");
    static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("bullmq.job.id");
    static final AttributeKey<Long> JOB_ATTEMPTS_MADE = AttributeKey.longKey("bullmq.job.attempts.made");
    static final AttributeKey<Long> BULK_COUNT = AttributeKey.longKey("bullmq.job.bulk.count");
    static final AttributeKey<List<String>> BULK_NAMES = AttributeKey.stringArrayKey("bullmq.job.bulk.names");
    static final AttributeKey<Long> PROCESSED_TIMESTAMP = AttributeKey.longKey("bullmq.job.processed.timestamp");
    static final AttributeKey<Long> ATTEMPT_FINISHED_TIMESTAMP =
            AttributeKey.longKey("bullmq.job.attempt_finished_timestamp");
    static final AttributeKey<String> FAILED_REASON = AttributeKey.stringKey("bullmq.job.failed.reason");

    private SpanAttributes() {
    }
}
