package io.taskqueue.internal;

import io.taskqueue.Job;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt of one job inside a worker: who runs it, whether someone asked it to stop and why,
 * and whether its outcome was already recorded. Exactly one party settles a run: the handler's
 * thread when it returns, or the worker when it stops the run hard (timeout, lost lock, close
 * deadline); the other party's result is dropped.
 */
public final class JobRun {
    /** Why a run was asked to stop. */
    public enum StopKind {
        /** A user cancelled the job: it ends failed with the reason, not retried. */
        CANCELLED,
        /** The job's hard timeout passed: a failed attempt. */
        TIMEOUT,
        /** The lock was lost: another worker may own the job, so nothing is recorded. */
        LOCK_LOST,
        /** The worker is closing: the job is handed back to the queue. */
        CLOSING
    }

    /** A stop request. */
    public record StopSignal(StopKind kind, String reason) {
    }

    private final Job job;
    private final String token;
    private final long startedNanos = System.nanoTime();
    private final AtomicReference<StopSignal> stop = new AtomicReference<>();
    private final AtomicBoolean settled = new AtomicBoolean();
    private Thread handlerThread;

    public JobRun(Job job, String token) {
        this.job = job;
        this.token = token;
    }

    public Job job() {
        return job;
    }

    public String token() {
        return token;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The first stop request, or {@code null}. */
    public StopSignal stopSignal() {
        return stop.get();
    }

    /** Records a stop request (the first one wins) and interrupts the handler if it is running. */
    public boolean requestStop(StopKind kind, String reason) {
        if (!stop.compareAndSet(null, new StopSignal(kind, reason))) {
            return false;
        }
        synchronized (this) {
            if (handlerThread != null) {
                handlerThread.interrupt();
            }
        }
        return true;
    }

    /** Claims the right to record this run's outcome; true for exactly one caller. */
    public boolean settle() {
        return settled.compareAndSet(false, true);
    }

    public boolean isSettled() {
        return settled.get();
    }

    /** Marks the current thread as the one running the handler, so stop requests interrupt it. */
    public void enterHandler() {
        synchronized (this) {
            handlerThread = Thread.currentThread();
            if (stop.get() != null) {
                handlerThread.interrupt();
            }
        }
    }

    /** The handler returned: later stop requests must not interrupt this thread's next work. */
    public void exitHandler() {
        synchronized (this) {
            handlerThread = null;
        }
        Thread.interrupted();
    }
}
