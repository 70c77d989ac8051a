package io.taskqueue.testing.simple;

import io.taskqueue.BackendException;
import io.taskqueue.Capability;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend written against nothing but the core SPI: in-process queues of plain Java collections,
 * each under one lock, with no optional capability. It shows what the job lifecycle needs and no
 * more; a {@code TaskQueue} over it refuses every capability with
 * {@link io.taskqueue.UnsupportedCapabilityException}.
 *
 * <p>Times of operations come from their callers; {@code clock} only times lock expiry and the
 * stall-check throttle. The backend owns its threads (event delivery, cancel notifications) and
 * stops them in {@link #close()}.
 */
public final class SimpleBackend implements Backend {
    private final Clock clock;
    private final ConcurrentMap<String, SimpleQueue> queues = new ConcurrentHashMap<>();
    private final ThreadFactory readerThreads = daemonThreads("simple-backend-events");
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemonThreads("simple-backend-notify"));
    private volatile boolean closed;

    /** A backend whose locks expire by {@code clock}. */
    public SimpleBackend(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QueueBackend queue(String queueName) {
        Objects.requireNonNull(queueName, "queueName");
        if (closed) {
            throw new BackendException(describe() + " backend is closed");
        }
        return queues.computeIfAbsent(queueName, name -> new SimpleQueue(name, clock, readerThreads, notifier));
    }

    @Override
    public List<String> queueNames() {
        return queues.values().stream().filter(SimpleQueue::holdsAnything).map(SimpleQueue::name).sorted().toList();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public String describe() {
        return "simple";
    }

    @Override
    public void close() {
        closed = true;
        queues.values().forEach(SimpleQueue::close);
        notifier.shutdownNow();
    }

    /** Daemon threads, so that a subscription nobody closed never keeps the JVM alive. */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
