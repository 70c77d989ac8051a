package io.taskqueue.spi;

/**
 * A datastore holding queues. It owns its connections and threads and closes them in
 * {@link #close()}; what it was handed (a client, a data source) it never closes.
 */
public interface Backend extends AutoCloseable {
    /** The operations on one queue. Cheap; the same name may be opened many times. */
    QueueBackend queue(String queueName);

    /** A short description for logs, e.g. {@code redis://127.0.0.1:6379 (prefix bull)}. */
    String describe();

    @Override
    void close();

    // ---- schedulers and flows (issue 5) ----

    /**
     * Adds a flow atomically (protocol §5.1.1): parents in {@code waiting-children}, leaves ready or
     * delayed, every child registered with its parent; a parent whose children are all already
     * complete is released at the end. Returns the ids in the tree's shape.
     */
    default io.taskqueue.FlowJob addFlow(NewFlowNode root) {
        throw new UnsupportedOperationException("flows are not supported by " + getClass().getName());
    }
}
