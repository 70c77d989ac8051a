package io.taskqueue;

import io.taskqueue.internal.SafeListener;
import io.taskqueue.internal.WorkerRuntime;
import io.taskqueue.internal.WorkerSettings;
import io.taskqueue.spi.Backend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs the jobs of one queue with registered {@link Handlers}.
 *
 * <pre>{@code
 * try (Worker worker = Worker.builder(backend, "emails").handlers(handlers)
 *         .options(WorkerOptions.builder().concurrency(8).build()).build().start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Guarantees: a job's lock is renewed on a dedicated thread; a worker that loses a lock stops
 * the handler and its late result is rejected; a job whose handler throws, whose name has no
 * handler, or whose stored data cannot be read fails with a reason and the worker goes on.
 * {@link #close()} stops fetching, waits for active jobs up to {@link WorkerOptions#closeTimeout()}
 * and hands back the rest. The worker owns the threads it starts and, unless given an executor, its
 * handler pool; it never closes the backend.
 */
public final class Worker implements AutoCloseable {
    private final WorkerSettings settings;
    private final WorkerRuntime runtime;

    private Worker(WorkerSettings settings, ExecutorService executor) {
        this.settings = settings;
        this.runtime = new WorkerRuntime(settings, executor);
    }

    /** A builder for a worker on {@code queueName} in {@code backend}. */
    public static Builder builder(Backend backend, String queueName) {
        return new Builder(backend, queueName);
    }

    /** Starts fetching and running jobs; returns this worker. */
    public Worker start() {
        runtime.start();
        return this;
    }

    /**
     * Runs every job that is ready now on the calling thread and returns when none is left, without
     * starting any thread (for tests: "drain this queue now"). Only for a worker that was not started.
     */
    public DrainResult drain() {
        return runtime.drain();
    }

    /** The queue this worker serves. */
    public String queueName() {
        return settings.backend().name();
    }

    /** The worker's options. */
    public WorkerOptions options() {
        return settings.options();
    }

    /** A snapshot of the worker's health. */
    public WorkerHealth health() {
        return runtime.health();
    }

    /**
     * Stops fetching, waits up to {@code deadline} for active jobs, then stops the rest and hands them
     * back to the queue (not counted as an attempt). Returns the ids handed back. Idempotent.
     */
    public List<String> close(Duration deadline) {
        return runtime.close(Objects.requireNonNull(deadline, "deadline"));
    }

    /** {@link #close(Duration)} with {@link WorkerOptions#closeTimeout()}. */
    @Override
    public void close() {
        close(settings.options().closeTimeout());
    }

    /** Builder for {@link Worker}. */
    public static final class Builder {
        private final Backend backend;
        private final String queueName;
        private Handlers handlers;
        private WorkerOptions options = WorkerOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private PayloadCodec codec;
        private ExecutorService executor;
        private final List<JobLifecycleListener> listeners = new ArrayList<>();
        private final List<JobInterceptor> interceptors = new ArrayList<>();
        private ErrorClassifier classifier = ErrorClassifier.defaults();
        private final Map<String, BackoffStrategy> strategies = new HashMap<>();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(Backend backend, String queueName) {
            this.backend = Objects.requireNonNull(backend, "backend");
            this.queueName = Objects.requireNonNull(queueName, "queueName");
        }

        /** The handlers to run (required). */
        public Builder handlers(Handlers handlers) {
            this.handlers = handlers;
            return this;
        }

        public Builder options(WorkerOptions options) {
            this.options = options;
            return this;
        }

        /** The clock for every timestamp the worker writes (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The codec for data, results and progress (default: {@link JacksonCodec}). */
        public Builder codec(PayloadCodec codec) {
            this.codec = codec;
            return this;
        }

        /**
         * Runs handlers on the caller's executor (e.g. virtual threads on JDK 21+) instead of the
         * worker's own pool. The worker does not shut it down. It must accept at least
         * {@link WorkerOptions#concurrency()} tasks at once.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** Adds a lifecycle listener. */
        public Builder listener(JobLifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds an interceptor; the first added is the outermost. */
        public Builder interceptor(JobInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** The error classifier (default: {@link ErrorClassifier#defaults()}). */
        public Builder errorClassifier(ErrorClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** Registers a custom backoff strategy under {@code type}. */
        public Builder backoffStrategy(String type, BackoffStrategy strategy) {
            strategies.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** The source of jitter, uniform on [0, 1) (tests pin it). */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        public Worker build() {
            Objects.requireNonNull(handlers, "handlers must be set");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(classifier, "errorClassifier");
            Objects.requireNonNull(random, "random");
            WorkerSettings settings = new WorkerSettings(backend.queue(queueName), handlers, options, clock,
                    codec != null ? codec : new JacksonCodec(), new SafeListener(listeners), interceptors,
                    classifier, strategies, random, UUID.randomUUID().toString());
            return new Worker(settings, executor);
        }
    }
}
