package io.taskqueue.example.satloc;

import io.taskqueue.JobCancelledException;
import io.taskqueue.worker.Step;
import io.taskqueue.worker.TaskContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A task context that records the steps reported and is cancelled after a given number of cancellation checks. */
final class RecordingContext implements TaskContext {
    /** A reported step: its name and percentage. */
    record Reported(String name, Integer percent) {
    }

    final List<Reported> steps = new CopyOnWriteArrayList<>();
    private final int checksBeforeCancel;
    private final AtomicInteger checks = new AtomicInteger();

    /** A context that answers {@code checksBeforeCancel} cancellation checks, then says cancelled. */
    RecordingContext(int checksBeforeCancel) {
        this.checksBeforeCancel = checksBeforeCancel;
    }

    @Override
    public String jobId() {
        return "job-1";
    }

    @Override
    public String queueName() {
        return "satloc-processor";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public int maxAttempts() {
        return 1;
    }

    @Override
    public void step(String name) {
        steps.add(new Reported(name, null));
    }

    @Override
    public void step(String name, int percent) {
        steps.add(new Reported(name, percent));
    }

    @Override
    public Optional<Step> currentStep() {
        return Optional.empty();
    }

    @Override
    public void log(String line) {
    }

    @Override
    public boolean isCancelled() {
        return checks.incrementAndGet() > checksBeforeCancel;
    }

    @Override
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException("cancelled by the test");
        }
    }

    @Override
    public void checkpoint(String key, Object state) {
    }

    @Override
    public <T> Optional<T> checkpoint(String key, Class<T> type) {
        return Optional.empty();
    }
}
