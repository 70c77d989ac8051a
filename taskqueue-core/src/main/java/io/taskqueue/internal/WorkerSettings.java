package io.taskqueue.internal;

import io.taskqueue.BackoffStrategy;
import io.taskqueue.ErrorClassifier;
import io.taskqueue.Handlers;
import io.taskqueue.JobInterceptor;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.PayloadCodec;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

/**
 * Everything a worker's parts share, fixed when the {@code TaskQueue} builds the worker.
 *
 * @param backend the queue's backend
 * @param backendDescription the backend for logs and errors
 * @param scheduler the task queue's timer threads (lock renewal, stall checks, timeouts); not owned
 */
public record WorkerSettings(
        QueueBackend backend,
        String backendDescription,
        Handlers handlers,
        WorkerOptions options,
        Clock clock,
        PayloadCodec codec,
        JobLifecycleListener listener,
        List<JobInterceptor> interceptors,
        ErrorClassifier classifier,
        Map<String, BackoffStrategy> backoffStrategies,
        DoubleSupplier random,
        String workerId,
        ScheduledExecutorService scheduler) {

    /** The reason stored on a job cancelled by a user. */
    public static final String CANCELLED_REASON = "cancelled";

    public WorkerSettings {
        interceptors = List.copyOf(interceptors);
        backoffStrategies = Map.copyOf(backoffStrategies);
    }

    public long now() {
        return clock.millis();
    }

    public long lockDurationMillis() {
        return options.lockDuration().toMillis();
    }

    /** The queue and worker for log lines. */
    public String logName() {
        return backend.name() + (options.name() == null ? "" : "/" + options.name());
    }
}
