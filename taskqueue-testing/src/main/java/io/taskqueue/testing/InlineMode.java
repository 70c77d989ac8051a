package io.taskqueue.testing;

import io.taskqueue.DrainResult;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.TaskQueueExtension;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import java.util.Objects;

/**
 * Synchronous execution for tests, installed as an extension: every job added to its queue (through
 * any handle of the task queue) has run, with all jobs it added in turn, by the time {@code add}
 * returns, on the caller's thread. Failures are recorded on the job as usual; delayed jobs and
 * backoff retries wait for the clock, so advance a {@link MutableClock} and call {@link #drain()}.
 *
 * <pre>{@code
 * InlineMode inline = InlineMode.on("emails", handlers);
 * try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(inline).build()) {
 *     taskQueue.queue("emails").add(SEND_EMAIL, email);   // already sent here
 * }
 * }</pre>
 */
public final class InlineMode implements TaskQueueExtension {
    private final String queueName;
    private final Handlers handlers;
    private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);
    private volatile Worker worker;

    private InlineMode(String queueName, Handlers handlers) {
        this.queueName = queueName;
        this.handlers = handlers;
    }

    /** Inline mode for queue {@code queueName}, running {@code handlers}. */
    public static InlineMode on(String queueName, Handlers handlers) {
        return new InlineMode(Objects.requireNonNull(queueName, "queueName"), Objects.requireNonNull(handlers, "handlers"));
    }

    @Override
    public void install(Installation installation) {
        if (worker != null) {
            throw new IllegalStateException("an InlineMode belongs to one task queue");
        }
        worker = installation.taskQueue().worker(queueName).handlers(handlers)
                .options(WorkerOptions.builder().name("inline").build()).build();
        installation.addListener(new JobLifecycleListener() {
            @Override
            public void onEnqueued(String queue, Job job) {
                if (queue.equals(queueName)) {
                    drainUnlessDraining();
                }
            }
        });
    }

    /** Runs whatever is ready now (e.g. after advancing the clock past a delay). */
    public DrainResult drain() {
        if (worker == null) {
            throw new IllegalStateException("InlineMode is not installed: pass it to TaskQueue.Builder.extension");
        }
        return worker.drain();
    }

    private void drainUnlessDraining() {
        // A handler that adds jobs would re-enter here; the outer drain picks those jobs up.
        if (draining.get()) {
            return;
        }
        draining.set(true);
        try {
            drain();
        } finally {
            draining.set(false);
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
