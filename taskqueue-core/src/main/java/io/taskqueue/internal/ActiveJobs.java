package io.taskqueue.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The runs a worker holds right now, and the outcomes its handler threads are writing. Closing waits
 * on both: first for runs to end (up to the close deadline), then for outcomes being written, so that
 * shutting the handler pool down never interrupts a thread inside a backend call.
 */
final class ActiveJobs {
    private final Map<String, JobRun> runs = new ConcurrentHashMap<>();
    private int recording;

    void put(JobRun run) {
        runs.put(run.job().id(), run);
    }

    void remove(JobRun run) {
        runs.remove(run.job().id(), run);
        changed();
    }

    JobRun get(String jobId) {
        return runs.get(jobId);
    }

    Map<String, JobRun> asMap() {
        return runs;
    }

    List<JobRun> snapshot() {
        return List.copyOf(runs.values());
    }

    int size() {
        return runs.size();
    }

    synchronized void beginRecording() {
        recording++;
    }

    synchronized void endRecording() {
        recording--;
        notifyAll();
    }

    synchronized void changed() {
        notifyAll();
    }

    /** Waits until no run is left or {@code deadline} passes. */
    synchronized void awaitEmpty(Duration deadline) {
        awaitUntil(() -> runs.isEmpty(), deadline.toNanos());
    }

    /** Waits until no outcome is being written, at most {@code millis}. */
    synchronized void awaitRecordings(long millis) {
        awaitUntil(() -> recording == 0, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private void awaitUntil(java.util.function.BooleanSupplier done, long nanos) {
        long until = System.nanoTime() + nanos;
        while (!done.getAsBoolean()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                // Bounded waits: a run removed without a notification is still seen within 100 ms.
                wait(Math.max(1, Math.min(100, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
