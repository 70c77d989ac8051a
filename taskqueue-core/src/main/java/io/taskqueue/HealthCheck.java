package io.taskqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The health of a {@link TaskQueue} for readiness probes and health endpoints, made by
 * {@link TaskQueue#healthCheck(HealthCheckOptions)}. It asks the backend a cheap read on a thread of
 * its own every {@link HealthCheckOptions#interval()} and remembers the answer, so {@link #report()}
 * never waits on the backend: a client that hangs (waiting for a reconnect) makes the answer stale,
 * and a stale answer counts as down.
 *
 * <p>Up means: the backend answered within {@link #STALE_AFTER_INTERVALS} intervals, and every
 * worker made by the task queue and not yet closed is {@link WorkerHealth.State#RUNNING} and, when it
 * has a free slot, fetched successfully within {@link HealthCheckOptions#maxFetchSilence()}. A task
 * queue without workers (a producer) is up when its backend answers. Closed with its task queue.
 */
public final class HealthCheck implements AutoCloseable {
    /** How many intervals an answer stays fresh: one slow answer does not flip the verdict. */
    public static final int STALE_AFTER_INTERVALS = 3;

    private final Supplier<List<Worker>> workers;
    private final Consumer<String> question;
    private final Clock clock;
    private final HealthCheckOptions options;
    private final Consumer<HealthCheck> onClose;
    private final ScheduledExecutorService thread;
    private volatile Instant lastAnswer;
    private volatile String lastError = "not asked yet";

    /** Starts asking on {@code thread}, which the check owns: it must be its own, see the class comment. */
    HealthCheck(Supplier<List<Worker>> workers, Consumer<String> question, Clock clock, HealthCheckOptions options,
            ScheduledExecutorService thread, Consumer<HealthCheck> onClose) {
        this.workers = workers;
        this.question = question;
        this.clock = clock;
        this.options = options;
        this.onClose = onClose;
        this.thread = thread;
        thread.scheduleWithFixedDelay(this::ask, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The settings. */
    public HealthCheckOptions options() {
        return options;
    }

    /** The verdict now, from the latest backend answer and the workers' own state; never blocks. */
    public HealthReport report() {
        Instant now = clock.instant();
        boolean reachable = reachable(now);
        List<HealthReport.WorkerReport> reports = new ArrayList<>();
        boolean up = reachable;
        for (Worker worker : workers.get()) {
            WorkerHealth h = worker.health();
            boolean healthy = healthy(h);
            up &= healthy;
            reports.add(new HealthReport.WorkerReport(worker.options().name(), worker.queueName(), healthy, h));
        }
        Instant answer = lastAnswer;
        // A hanging question leaves no error behind; say so rather than report nothing.
        String error = reachable ? null : lastError != null ? lastError : "no answer since " + answer;
        return new HealthReport(up ? HealthReport.Status.UP : HealthReport.Status.DOWN, now, reachable, answer,
                error, reports);
    }

    /** True while the backend answered within the last {@link #STALE_AFTER_INTERVALS} intervals. */
    public boolean backendReachable() {
        return reachable(clock.instant());
    }

    private boolean reachable(Instant now) {
        Instant answer = lastAnswer;
        return answer != null && Duration.between(answer, now)
                .compareTo(options.interval().multipliedBy(STALE_AFTER_INTERVALS)) <= 0;
    }

    private boolean healthy(WorkerHealth h) {
        if (h.state() != WorkerHealth.State.RUNNING) {
            return false;
        }
        // A worker whose slots are all busy does not fetch, so its silence says nothing.
        return h.activeJobs() >= h.concurrency() || h.isHealthy(options.maxFetchSilence());
    }

    private void ask() {
        List<Worker> current = workers.get();
        String queue = current.isEmpty() ? options.probeQueue() : current.get(0).queueName();
        try {
            question.accept(queue);
            lastAnswer = clock.instant();
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Stops asking. Idempotent. */
    @Override
    public void close() {
        thread.shutdownNow();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "HealthCheck[" + options.interval() + "]";
    }
}
