package io.taskqueue.spi;

import io.taskqueue.Capability;
import java.util.List;
import java.util.Set;

/**
 * A datastore holding queues, opened by a {@link BackendProvider} for a {@code TaskQueue}, which
 * owns it and closes it. It owns the connections and threads it starts and closes them in
 * {@link #close()}; what it was handed (a client, a data source) it never closes.
 */
public interface Backend extends AutoCloseable {
    /**
     * The operations on one queue. Cheap; the same name may be opened many times. Per-queue
     * capabilities are found with {@link QueueBackend#capability(Class)}.
     */
    QueueBackend queue(String queueName);

    /** The names of the queues that hold anything, sorted; Node-made queues on a shared store included. */
    List<String> queueNames();

    /**
     * The optional capabilities this backend implements on every queue. A queue backend implements
     * the interface of each one listed here and of no other; using one that is missing fails with
     * {@link io.taskqueue.UnsupportedCapabilityException}.
     */
    Set<Capability> capabilities();

    /** A short description for logs and errors, with any password masked, e.g. {@code redis://127.0.0.1:6379}. */
    String describe();

    @Override
    void close();
}
