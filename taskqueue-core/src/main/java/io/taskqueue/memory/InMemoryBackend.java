package io.taskqueue.memory;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A backend that keeps its queues in this JVM's memory, with the same state machine, orderings,
 * events and error codes as BullMQ on Redis. Made for tests, demos and single-process use; nothing
 * survives the process.
 *
 * <p>Every time in the protocol comes from the caller's arguments, as on Redis. The backend's own
 * {@link Clock} plays the part of the Redis server's clock: it times lock expiry and the stall-check
 * throttle, and stamps event ids. Pass a controllable clock to test lock loss and stalls without
 * sleeping.
 *
 * <p>The backend owns one daemon thread, started on first use, that delivers event subscriptions
 * and cancel notifications; {@link #close()} stops it and makes waiting workers' {@code awaitWork}
 * fail with a {@link io.taskqueue.BackendException}, as a dropped connection would.
 */
public final class InMemoryBackend implements Backend {
    private final Clock clock;
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final ConcurrentMap<String, InMemoryQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private InMemoryBackend(Clock clock) {
        this.clock = clock;
    }

    /** A backend on the system clock. */
    public static InMemoryBackend create() {
        return create(Clock.systemUTC());
    }

    /** A backend whose lock expiry, stall throttle and event ids follow {@code clock}. */
    public static InMemoryBackend create(Clock clock) {
        return new InMemoryBackend(Objects.requireNonNull(clock, "clock"));
    }

    /** The queue named {@code queueName}; the same state every time for the same name. */
    @Override
    public QueueBackend queue(String queueName) {
        Objects.requireNonNull(queueName, "queueName");
        if (queueName.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        return queues.computeIfAbsent(queueName, n -> new InMemoryQueue(n, clock, dispatcher));
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    /** Stops event delivery and fails every worker's wait; stored jobs stay readable and writable. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queues.values().forEach(InMemoryQueue::shutdown);
        dispatcher.close();
    }
}
