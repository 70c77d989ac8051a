package io.taskqueue.satloc;

import java.util.List;

/**
 * Receives a streaming parse. Batches arrive in input order; problems are reported as soon as they
 * are found, so a rejection can arrive before the batch holding the records that preceded it.
 * Called on the parsing thread only.
 */
@FunctionalInterface
public interface RecordHandler {

    /**
     * @param batch up to {@link ParserOptions#batchSize()} records; unmodifiable, safe to keep
     */
    void onBatch(List<LogRecord> batch);

    /** @param rejection a corrupt frame or unsynchronised byte run */
    default void onRejected(Rejection rejection) {
    }

    /** @param skipped a well-framed record of an unregistered type */
    default void onSkipped(SkippedRecord skipped) {
    }
}
