package io.taskqueue.worker.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the backend a cheap question on its own thread every interval and remembers when it last
 * answered. The backend counts as reachable while its last answer is younger than three intervals:
 * a probe that hangs (a client waiting for a reconnect) turns stale instead of blocking a health
 * request.
 */
public final class BackendProbe implements AutoCloseable {
    private final Runnable question;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private volatile Instant lastAnswer;
    private volatile String lastError = "not asked yet";

    private BackendProbe(Runnable question, Duration interval, Clock clock) {
        this.question = question;
        this.interval = interval;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "taskqueue-worker-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts asking {@code question} now and every {@code interval}. */
    public static BackendProbe start(Runnable question, Duration interval, Clock clock) {
        BackendProbe probe = new BackendProbe(question, interval, clock);
        probe.thread.scheduleWithFixedDelay(probe::ask, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** True while the backend answered within the last three intervals. */
    public boolean reachable() {
        Instant answer = lastAnswer;
        return answer != null && Duration.between(answer, clock.instant()).compareTo(interval.multipliedBy(3)) <= 0;
    }

    /** Why the last question failed, or {@code null} after an answer. */
    public String lastError() {
        return reachable() ? null : lastError;
    }

    private void ask() {
        try {
            question.run();
            lastAnswer = clock.instant();
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
