package io.taskqueue;

import io.taskqueue.internal.LimitedCodec;
import io.taskqueue.internal.NamedThreadFactory;
import io.taskqueue.internal.SafeListener;
import io.taskqueue.internal.WorkerRuntime;
import io.taskqueue.internal.WorkerSettings;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.BackendFactory;
import io.taskqueue.spi.Backends;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one object an application creates: it opens the backend and carries everything queues and
 * workers share (clock, codec, timer threads, listeners, interceptors, error classifier,
 * extensions, payload limit). Queues, workers and flow producers are made from it and closed with
 * it. Thread-safe.
 *
 * <pre>{@code
 * try (TaskQueue taskQueue = TaskQueue.open("redis://localhost:6379")) {
 *     JobQueue emails = taskQueue.queue("emails");
 *     emails.add(SEND_EMAIL, new Email("ada@example.com", "Welcome"));
 * }
 * }</pre>
 *
 * <p>{@link #close()} closes, in order: the workers made here (each waits for its active jobs up to
 * its close timeout and hands back the rest), the queues, the extensions, the backend, and the
 * timer threads it created.
 */
public final class TaskQueue implements AutoCloseable {
    /** The largest payload accepted by default: 16 MiB of JSON. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    /** Timer threads started when no scheduler is given. */
    public static final int DEFAULT_TIMER_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueue.class);

    private final Backend backend;
    private final Clock clock;
    private final PayloadCodec codec;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final List<JobLifecycleListener> listeners;
    private final List<JobInterceptor> interceptors;
    private final List<EnqueueInterceptor> enqueueInterceptors;
    private final ErrorClassifier classifier;
    private final Map<String, BackoffStrategy> strategies;
    private final DoubleSupplier random;
    private final int maxPayloadBytes;
    /** The extensions this task queue installed: it closes those and no other. */
    private final List<TaskQueueExtension> installed = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> made = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TaskQueue(Builder b, Backend backend, ScheduledExecutorService scheduler) {
        this.backend = backend;
        this.clock = b.clock;
        this.maxPayloadBytes = b.maxPayloadBytes;
        this.codec = new LimitedCodec(b.codec != null ? b.codec : new JacksonCodec(b.maxPayloadBytes), b.maxPayloadBytes);
        this.scheduler = scheduler;
        this.ownsScheduler = b.scheduler == null;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.interceptors = new CopyOnWriteArrayList<>(b.interceptors);
        this.enqueueInterceptors = new CopyOnWriteArrayList<>(b.enqueueInterceptors);
        this.classifier = b.classifier;
        this.strategies = Map.copyOf(b.strategies);
        this.random = b.random;
    }

    /** A task queue on the backend at {@code url}, with every other setting at its default. */
    public static TaskQueue open(String url) {
        return builder().backend(url).build();
    }

    /** A builder; a backend is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The queue {@code name} with default job options {@link JobOptions#defaults()}. */
    public JobQueue queue(String name) {
        return queue(name, JobOptions.defaults());
    }

    /**
     * The queue {@code name}; jobs added without options get {@code defaultJobOptions}. Each call
     * returns a new handle on the same stored queue; closing a handle ends its event subscriptions.
     */
    public JobQueue queue(String name, JobOptions defaultJobOptions) {
        ensureOpen();
        JobQueue.validateName(name);
        Objects.requireNonNull(defaultJobOptions, "defaultJobOptions");
        QueueBackend queueBackend = backend.queue(name);
        JobQueue queue = new JobQueue(queueBackend, backend.describe(), clock, codec, defaultJobOptions,
                new SafeListener(listeners), enqueueInterceptors, made::remove);
        queue.checkCapabilities(defaultJobOptions);
        made.add(queue);
        return queue;
    }

    /** A builder for a worker on {@code queueName}; {@link Worker.Builder#build()} makes it. */
    public Worker.Builder worker(String queueName) {
        ensureOpen();
        JobQueue.validateName(queueName);
        return new Worker.Builder(queueName, this::newWorker);
    }

    /** Adds flows (trees of jobs whose parents wait for their children). */
    public FlowProducer flows() {
        ensureOpen();
        return new FlowProducer(backend, clock, codec, new SafeListener(listeners));
    }

    /**
     * A health check of this task queue's backend and workers, asking the backend every
     * {@code interval}; see {@link HealthCheck}. Closed with the task queue.
     */
    public HealthCheck healthCheck(Duration interval) {
        return healthCheck(HealthCheckOptions.builder().interval(interval).build());
    }

    /**
     * A health check with {@code options}; see {@link HealthCheck}. Each check asks the backend on a
     * thread of its own, so make one per application and share it. Closed with the task queue.
     */
    public HealthCheck healthCheck(HealthCheckOptions options) {
        ensureOpen();
        Objects.requireNonNull(options, "options");
        // Its own daemon thread: a hanging backend call must block neither the timers nor a probe.
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("taskqueue-health", Thread.NORM_PRIORITY));
        HealthCheck check = new HealthCheck(this::workers,
                queue -> backend.queue(queue).counts(EnumSet.of(JobState.WAITING)), clock, options, thread,
                made::remove);
        made.add(check);
        return check;
    }

    /** The workers made here and not yet closed, in creation order. */
    private List<Worker> workers() {
        List<Worker> workers = new ArrayList<>();
        for (AutoCloseable component : made) {
            if (component instanceof Worker worker) {
                workers.add(worker);
            }
        }
        return workers;
    }

    /** The names of the queues the backend holds, sorted. */
    public List<String> queueNames() {
        ensureOpen();
        return backend.queueNames();
    }

    /** What the backend can do beyond the job lifecycle. */
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(backend.capabilities());
    }

    /** The backend, for logs: its URL with any password masked. */
    public String describe() {
        return backend.describe();
    }

    /** The clock every timestamp comes from. */
    public Clock clock() {
        return clock;
    }

    /** The codec for data, results and progress, with the payload limit applied. */
    public PayloadCodec codec() {
        return codec;
    }

    /** The largest payload accepted, in bytes of JSON. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    private Worker newWorker(Worker.Builder spec) {
        ensureOpen();
        QueueBackend queueBackend = backend.queue(spec.queueName());
        WorkerOptions options = spec.options();
        if (options.limiter() != null) {
            Capability.LIMITS.of(queueBackend, io.taskqueue.spi.LimitSupport.class, backend.describe());
        }
        if (options.metricsMaxDataPoints() > 0) {
            Capability.METRICS.of(queueBackend, io.taskqueue.spi.MetricsSupport.class, backend.describe());
        }
        List<JobLifecycleListener> workerListeners = new ArrayList<>(listeners);
        workerListeners.addAll(spec.listeners());
        List<JobInterceptor> workerInterceptors = new ArrayList<>(interceptors);
        workerInterceptors.addAll(spec.interceptors());
        Map<String, BackoffStrategy> workerStrategies = new HashMap<>(strategies);
        workerStrategies.putAll(spec.strategies());
        WorkerSettings settings = new WorkerSettings(queueBackend, backend.describe(), spec.handlers(), options,
                clock, codec, new SafeListener(workerListeners), workerInterceptors, classifier, workerStrategies,
                random, UUID.randomUUID().toString(), scheduler);
        WorkerRuntime worker = new WorkerRuntime(settings, spec.executor(), made::remove);
        made.add(worker);
        return worker;
    }

    private void ensureOpen() {
        if (closed) {
            throw new TaskQueueException("this TaskQueue (" + backend.describe() + ") is closed");
        }
    }

    /** Closes the workers and queues made here, the extensions, the backend and owned timer threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> open = new ArrayList<>(made);
        // Workers first: they may still record outcomes through the backend while closing.
        open.sort((a, b) -> Boolean.compare(b instanceof Worker, a instanceof Worker));
        for (AutoCloseable component : open) {
            closeQuietly(component);
        }
        for (TaskQueueExtension extension : installed) {
            closeQuietly(extension);
        }
        closeQuietly(backend);
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    private void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            LOG.warn("{}: closing {} failed", backend.describe(), component, e);
        }
    }

    /** Builder for {@link TaskQueue}; settings are checked once, in {@link #build()}. */
    public static final class Builder {
        private String url;
        private BackendFactory factory;
        private Clock clock = Clock.systemUTC();
        private PayloadCodec codec;
        private ScheduledExecutorService scheduler;
        private final List<JobLifecycleListener> listeners = new ArrayList<>();
        private final List<JobInterceptor> interceptors = new ArrayList<>();
        private final List<EnqueueInterceptor> enqueueInterceptors = new ArrayList<>();
        private ErrorClassifier classifier = ErrorClassifier.defaults();
        private final Map<String, BackoffStrategy> strategies = new HashMap<>();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private final Set<TaskQueueExtension> extensions = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * The backend's URL: {@code memory:}, {@code redis://}, {@code rediss://},
         * {@code redis-cluster://}, {@code redis-sentinel://}, or any scheme of a
         * {@link io.taskqueue.spi.BackendProvider} on the class path.
         */
        public Builder backend(String url) {
            this.url = Objects.requireNonNull(url, "url");
            this.factory = null;
            return this;
        }

        /** A backend configured in code, e.g. {@code RedisBackend.using(client, options)}. */
        public Builder backend(BackendFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            this.url = null;
            return this;
        }

        /** The clock for every timestamp and delay (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The codec for data, results, progress and checkpoints (default: {@link JacksonCodec}). */
        public Builder codec(PayloadCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Timer threads for lock renewal, stall checks and timeouts, which the application owns (the
         * task queue never shuts them down); default: {@value #DEFAULT_TIMER_THREADS} threads of its own.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Adds a listener that observes every queue and worker. */
        public Builder listener(JobLifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds an interceptor around every handler; the first added is the outermost. */
        public Builder interceptor(JobInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Adds an interceptor around every add of jobs to a queue; the first added is the outermost. */
        public Builder enqueueInterceptor(EnqueueInterceptor interceptor) {
            enqueueInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** The error classifier (default: {@link ErrorClassifier#defaults()}). */
        public Builder errorClassifier(ErrorClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Registers a custom backoff strategy under {@code type} for every worker. */
        public Builder backoffStrategy(String type, BackoffStrategy strategy) {
            strategies.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** The source of backoff jitter, uniform on [0, 1) (tests pin it). */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The largest payload (job data, result, progress, checkpoint) accepted, in bytes of JSON
         * (default {@value #DEFAULT_MAX_PAYLOAD_BYTES}); larger ones fail with
         * {@link PayloadTooLargeException} and are not stored. The default codec reads payloads up
         * to the same size; a custom codec must too.
         */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** Installs an extension when the task queue is built; the task queue closes it. */
        public Builder extension(TaskQueueExtension extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /** Opens the backend and installs the extensions. */
        public TaskQueue build() {
            if (url == null && factory == null) {
                throw new IllegalArgumentException("no backend: call backend(url), e.g. backend(\"memory:\")");
            }
            if (maxPayloadBytes < 1) {
                throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
            }
            BackendContext context = new BackendContext(clock);
            Backend backend = url != null ? Backends.open(url, context) : factory.open(context);
            ScheduledExecutorService timers = scheduler != null ? scheduler
                    : Executors.newScheduledThreadPool(DEFAULT_TIMER_THREADS,
                            new NamedThreadFactory("taskqueue-timer", Thread.MAX_PRIORITY));
            TaskQueue taskQueue = new TaskQueue(this, backend, timers);
            try {
                for (TaskQueueExtension extension : extensions) {
                    extension.install(taskQueue.new ExtensionInstallation());
                    taskQueue.installed.add(extension);
                }
            } catch (RuntimeException | Error e) {
                // Closes what this build opened and installed; an extension whose install failed
                // (for instance one installed elsewhere already) is left to its owner.
                taskQueue.close();
                throw e;
            }
            return taskQueue;
        }
    }

    private final class ExtensionInstallation implements TaskQueueExtension.Installation {
        @Override
        public TaskQueue taskQueue() {
            return TaskQueue.this;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public void addListener(JobLifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
        }

        @Override
        public void addInterceptor(JobInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        }

        @Override
        public void addEnqueueInterceptor(EnqueueInterceptor interceptor) {
            enqueueInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        }
    }
}
