package io.taskqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Runs the jobs of one queue with registered {@link Handlers}; made by
 * {@link TaskQueue#worker(String)}.
 *
 * <pre>{@code
 * Worker worker = taskQueue.worker("emails").handlers(handlers)
 *         .options(WorkerOptions.builder().concurrency(8).build()).build().start();
 * }</pre>
 *
 * <p>Guarantees: a job's lock is renewed on a timer thread; a worker that loses a lock stops the
 * handler and its late result is rejected; a job whose handler throws, whose name has no handler,
 * or whose stored data cannot be read fails with a reason and the worker goes on. {@link #close()}
 * stops fetching, waits for active jobs up to {@link WorkerOptions#closeTimeout()} and hands back
 * the rest; a job fetched while the worker closes is handed back, never left active. The worker
 * owns the threads it starts and, unless given an executor, its handler pool; the {@link TaskQueue}
 * that made it closes it if the application did not.
 */
public interface Worker extends AutoCloseable {
    /** Key of the queue's name in the SLF4J MDC while a handler runs. */
    String MDC_QUEUE = "queue";
    /** Key of the job's id in the SLF4J MDC while a handler runs. */
    String MDC_JOB_ID = "jobId";
    /** Key of the job's name in the SLF4J MDC while a handler runs. */
    String MDC_JOB_NAME = "jobName";
    /** Key of the attempt's number (from 1) in the SLF4J MDC while a handler runs. */
    String MDC_ATTEMPT = "attempt";

    /**
     * Starts fetching and running jobs; returns this worker.
     *
     * @throws IllegalStateException when the worker was already started or is closed
     */
    Worker start();

    /**
     * Runs every job that is ready now on the calling thread and returns when none is left, without
     * starting any thread (for tests: "drain this queue now"). Only for a worker that was not started.
     */
    DrainResult drain();

    /** The queue this worker serves. */
    String queueName();

    /** The worker's options. */
    WorkerOptions options();

    /** A snapshot of the worker's health. */
    WorkerHealth health();

    /**
     * Stops fetching, waits up to {@code deadline} for active jobs, then stops the rest and hands them
     * back to the queue (not counted as an attempt). Returns the ids handed back. Idempotent.
     */
    List<String> close(Duration deadline);

    /** {@link #close(Duration)} with {@link WorkerOptions#closeTimeout()}. */
    @Override
    default void close() {
        close(options().closeTimeout());
    }

    /** Builder for a {@link Worker}; obtain it from {@link TaskQueue#worker(String)}. */
    final class Builder {
        private final String queueName;
        private final Function<Builder, Worker> factory;
        private Handlers handlers;
        private WorkerOptions options = WorkerOptions.defaults();
        private ExecutorService executor;
        private final List<JobLifecycleListener> listeners = new ArrayList<>();
        private final List<JobInterceptor> interceptors = new ArrayList<>();
        private final Map<String, BackoffStrategy> strategies = new HashMap<>();

        Builder(String queueName, Function<Builder, Worker> factory) {
            this.queueName = queueName;
            this.factory = factory;
        }

        /** The handlers to run (required). */
        public Builder handlers(Handlers handlers) {
            this.handlers = Objects.requireNonNull(handlers, "handlers");
            return this;
        }

        /** The worker's options (default: {@link WorkerOptions#defaults()}). */
        public Builder options(WorkerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Runs handlers on the caller's executor (e.g. virtual threads on JDK 21+) instead of the
         * worker's own pool. The worker does not shut it down. It must accept at least
         * {@link WorkerOptions#concurrency()} tasks at once.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Adds a listener for this worker only, after the task queue's listeners. */
        public Builder listener(JobLifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds an interceptor for this worker only, inside the task queue's interceptors. */
        public Builder interceptor(JobInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Registers a custom backoff strategy under {@code type} for this worker only. */
        public Builder backoffStrategy(String type, BackoffStrategy strategy) {
            strategies.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /**
         * Builds the worker without starting it.
         *
         * @throws UnsupportedCapabilityException when the options use what the backend lacks
         */
        public Worker build() {
            if (handlers == null) {
                throw new IllegalArgumentException("handlers must be set for a worker on queue '" + queueName + "'");
            }
            return factory.apply(this);
        }

        String queueName() {
            return queueName;
        }

        Handlers handlers() {
            return handlers;
        }

        WorkerOptions options() {
            return options;
        }

        ExecutorService executor() {
            return executor;
        }

        List<JobLifecycleListener> listeners() {
            return listeners;
        }

        List<JobInterceptor> interceptors() {
            return interceptors;
        }

        Map<String, BackoffStrategy> strategies() {
            return strategies;
        }
    }
}
