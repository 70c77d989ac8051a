package io.taskqueue.memory;

import io.taskqueue.Capability;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A backend that keeps its queues in this JVM's memory, with the same state machine, orderings,
 * events and error codes as BullMQ on Redis; URL {@code memory:}. Made for tests, demos and
 * single-process use; nothing survives the process. It has every capability but flows.
 *
 * <p>Every time in the protocol comes from the caller's arguments, as on Redis. The backend's own
 * {@link Clock} (the task queue's) plays the part of the Redis server's clock: it times lock expiry
 * and the stall-check throttle, and stamps event ids. A controllable clock tests lock loss and
 * stalls without sleeping.
 *
 * <p>The backend owns one daemon thread, started on first use, that delivers event subscriptions
 * and cancel notifications; {@link #close()} stops it and makes waiting workers' {@code awaitWork}
 * fail with a {@link io.taskqueue.BackendException}, as a dropped connection would.
 */
public final class InMemoryBackend implements Backend {
    private static final Set<Capability> CAPABILITIES = EnumSet.complementOf(EnumSet.of(Capability.FLOWS));

    private final Clock clock;
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final ConcurrentMap<String, InMemoryQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A backend whose lock expiry, stall throttle and event ids follow {@code clock}. */
    public InMemoryBackend(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
    public List<String> queueNames() {
        return queues.values().stream().filter(q -> !q.isEmpty()).map(InMemoryQueue::name).sorted().toList();
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
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
