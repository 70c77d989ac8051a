package io.taskqueue.testing;

import io.taskqueue.DrainResult;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.Backend;
import java.time.Clock;
import java.util.Objects;

/**
 * Synchronous execution for tests: every job added through {@link #queue()} has run (with all
 * jobs it added in turn) by the time {@code add} returns, on the caller's thread. Failures are
 * recorded on the job as usual; delayed jobs and backoff retries wait for the clock, so advance a
 * {@link MutableClock} and call {@link #drain()} to run them.
 *
 * <pre>{@code
 * try (InlineMode inline = InlineMode.create(InMemoryBackend.create(), "emails", handlers)) {
 *     inline.queue().add(SEND_EMAIL, email);   // already sent here
 * }
 * }</pre>
 */
public final class InlineMode implements AutoCloseable {
    private final Worker worker;
    private final Queue queue;
    private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

    private InlineMode(Backend backend, String queueName, Handlers handlers, Clock clock) {
        this.worker = Worker.builder(backend, queueName).handlers(handlers).clock(clock)
                .options(WorkerOptions.builder().name("inline").build()).build();
        this.queue = Queue.builder(backend, queueName).clock(clock).listener(new JobLifecycleListener() {
            @Override
            public void onEnqueued(String name, Job job) {
                drainUnlessDraining();
            }
        }).build();
    }

    /** Inline mode on {@code queueName} with the system clock. */
    public static InlineMode create(Backend backend, String queueName, Handlers handlers) {
        return create(backend, queueName, handlers, Clock.systemUTC());
    }

    /** Inline mode on {@code queueName} with {@code clock} (e.g. a {@link MutableClock}). */
    public static InlineMode create(Backend backend, String queueName, Handlers handlers, Clock clock) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(handlers, "handlers");
        return new InlineMode(backend, queueName, handlers, clock);
    }

    /** The queue whose adds run at once. */
    public Queue queue() {
        return queue;
    }

    /** Runs whatever is ready now (e.g. after advancing the clock past a delay). */
    public DrainResult drain() {
        return worker.drain();
    }

    private void drainUnlessDraining() {
        // A handler that adds jobs would re-enter here; the outer drain picks those jobs up.
        if (draining.get()) {
            return;
        }
        draining.set(true);
        try {
            worker.drain();
        } finally {
            draining.set(false);
        }
    }

    @Override
    public void close() {
        queue.close();
        worker.close();
    }
}
