package io.taskqueue.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskqueue.Handlers;
import io.taskqueue.HealthCheck;
import io.taskqueue.HealthCheckOptions;
import io.taskqueue.HealthReport;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.TaskQueueException;
import io.taskqueue.Worker;
import io.taskqueue.WorkerHealth;
import io.taskqueue.WorkerOptions;
import io.taskqueue.micrometer.MetricsOptions;
import io.taskqueue.micrometer.TaskQueueMetrics;
import io.taskqueue.worker.internal.HealthServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker service: the composition root that runs one {@link BaseWorker} on its queue, with step
 * reporters, a health endpoint, meters ({@link TaskQueueMetrics}) and graceful shutdown. {@link #run(BaseWorker)} is the whole
 * of a service's {@code main}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     WorkerService.run(new EmailSenderWorker(WorkerConfig.fromEnvironment()));
 * }
 * }</pre>
 *
 * <p>On SIGTERM (or {@link #close()}) it stops taking tasks, lets running ones finish within the
 * configured shutdown timeout, hands back the rest to the queue (not counted as an attempt), then
 * closes reporters, the health endpoint, the worker's resources and the connection it opened.
 */
public final class WorkerService implements AutoCloseable {
    /**
     * Logging-context key of the worker type; the worker runtime already puts the queue, job id, job
     * name and attempt there ({@link Worker#MDC_JOB_ID} and its siblings).
     */
    public static final String MDC_WORKER_TYPE = "workerType";
    /** Logging-context key of the current step. */
    public static final String MDC_STEP = "step";
    /** How often the backend is asked whether it is reachable, by default: the health check's default. */
    public static final Duration DEFAULT_PROBE_INTERVAL = HealthCheckOptions.DEFAULT_INTERVAL;
    /** The tag that tells worker services apart on the task queue meters. */
    public static final String TAG_WORKER_TYPE = "worker_type";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerService.class);
    private final BaseWorker<?, ?> worker;
    private final WorkerConfig config;
    private final TaskQueue taskQueue;
    private final boolean ownsTaskQueue;
    private final List<StepReporter> reporters;
    private final List<AutoCloseable> ownedReporters;
    private final Supplier<String> scrape;
    private final Duration probeInterval;
    private final String workerId;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Worker runtime;
    private HealthCheck healthCheck;
    private HealthServer health;
    private boolean started;
    private boolean closing;

    private WorkerService(Builder b) {
        this.worker = b.worker;
        this.config = b.worker.config();
        this.workerId = (config.nickname() != null ? config.nickname() : worker.type()) + ":" + UUID.randomUUID();
        this.ownsTaskQueue = b.taskQueue == null;
        this.taskQueue = ownsTaskQueue ? openTaskQueue(b) : b.taskQueue;
        this.reporters = new ArrayList<>(b.reporters);
        this.ownedReporters = new ArrayList<>();
        if (config.progress() != null) {
            GraphqlStepReporter graphql = GraphqlStepReporter.start(config.progress());
            reporters.add(graphql);
            ownedReporters.add(graphql);
        }
        this.scrape = b.scrape;
        this.probeInterval = b.probeInterval;
    }

    private TaskQueue openTaskQueue(Builder b) {
        TaskQueue.Builder builder = TaskQueue.builder().backend(config.url()).clock(b.clock);
        if (b.registry != null) {
            // The queue is known from the start, so its depth gauges exist before the first task.
            builder.extension(TaskQueueMetrics.of(b.registry, MetricsOptions.builder()
                    .tags(TAG_WORKER_TYPE, worker.type()).queue(worker.queueName()).build()));
        }
        return builder.build();
    }

    /** A builder for a service running {@code worker}. */
    public static Builder builder(BaseWorker<?, ?> worker) {
        return new Builder(worker);
    }

    /**
     * Runs {@code worker} until the process is told to stop (SIGTERM, SIGINT): opens its queue,
     * starts it, and blocks. Shutdown follows {@link #close()}.
     */
    public static void run(BaseWorker<?, ?> worker) {
        builder(worker).run();
    }

    /**
     * The handlers that run {@code worker}'s template (validation, steps into the job's progress, the
     * permanent-error decision) without a service around it: for tests in inline mode, e.g.
     * {@code InlineMode.on(worker.queueName(), WorkerService.handlers(worker, clock))}. The worker's
     * {@code initialize} is not called.
     */
    public static Handlers handlers(BaseWorker<?, ?> worker, Clock clock) {
        return handlers(worker, List.of(), clock);
    }

    private static <T, R> Handlers handlers(BaseWorker<?, ?> worker, List<StepReporter> reporters, Clock clock) {
        @SuppressWarnings("unchecked")
        BaseWorker<T, R> typed = (BaseWorker<T, R>) worker;
        return Handlers.builder().on(typed.jobType(), new TaskRunner<>(typed, reporters, clock)).build();
    }

    /**
     * Initializes the worker, starts taking tasks, and serves health.
     *
     * @throws TaskQueueException when the worker's {@code initialize} fails
     */
    public synchronized WorkerService start() {
        if (started || closing) {
            throw new IllegalStateException("a worker service starts once");
        }
        started = true;
        try {
            worker.initialize();
        } catch (Exception e) {
            throw new TaskQueueException("worker " + worker.type() + " failed to initialize: " + e.getMessage(), e);
        }
        runtime = taskQueue.worker(worker.queueName()).handlers(handlers(worker, reporters, taskQueue.clock()))
                .options(WorkerOptions.builder().name(workerId).concurrency(config.concurrency())
                        .closeTimeout(config.shutdownTimeout()).build())
                .build().start();
        healthCheck = taskQueue.healthCheck(HealthCheckOptions.builder().interval(probeInterval)
                .probeQueue(worker.queueName()).build());
        if (config.healthPort() >= 0) {
            health = HealthServer.start(config.healthPort(), this::liveness, this::readiness, scrape);
        }
        LOG.info("worker service {} started: queue {}, job {}, concurrency {}, health {}", workerId,
                worker.queueName(), worker.jobType().name(), config.concurrency(),
                health == null ? "off" : "on port " + health.port());
        return this;
    }

    /** The worker's id as recorded on the jobs it takes: {@code nickname:UUID}. */
    public String workerId() {
        return workerId;
    }

    /** The queue's handle for adding tasks, with the configuration's attempts and backoff. */
    public JobQueue queue() {
        return taskQueue.queue(worker.queueName(), config.jobOptions());
    }

    /** The port the health endpoint serves, once started with one. */
    public int healthPort() {
        if (health == null) {
            throw new IllegalStateException("no health endpoint: not started, or " + WorkerConfig.HEALTH_PORT + " is -1");
        }
        return health.port();
    }

    /** The runtime's health, once started. */
    public WorkerHealth workerHealth() {
        if (runtime == null) {
            throw new IllegalStateException("not started");
        }
        return runtime.health();
    }

    /** True while taking tasks and the backend answers. */
    public boolean isReady() {
        return readiness().up();
    }

    private HealthServer.Report liveness() {
        WorkerHealth h = runtime.health();
        boolean up = h.state() == WorkerHealth.State.RUNNING || h.state() == WorkerHealth.State.CLOSING;
        return new HealthServer.Report(up, details(h, up, healthCheck.report()));
    }

    /** Ready is the task queue's health check, decided there for every worker and backend. */
    private HealthServer.Report readiness() {
        if (runtime == null) {
            return new HealthServer.Report(false, Map.of("status", "DOWN", "worker", "NEW"));
        }
        WorkerHealth h = runtime.health();
        HealthReport report = healthCheck.report();
        boolean up = h.state() == WorkerHealth.State.RUNNING && report.isUp();
        return new HealthServer.Report(up, details(h, up, report));
    }

    private Map<String, Object> details(WorkerHealth h, boolean up, HealthReport report) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", up ? "UP" : "DOWN");
        d.put("workerId", workerId);
        d.put("worker", h.state().name());
        d.put("backend", report.backendReachable() ? "UP" : "DOWN");
        if (report.lastError() != null) {
            d.put("backendError", report.lastError());
        }
        if (h.lastFetchAt() != null) {
            d.put("lastFetch", h.lastFetchAt().toString());
        }
        d.put("activeTasks", h.activeJobs());
        d.put("concurrency", h.concurrency());
        d.put("completed", h.completed());
        d.put("failed", h.failed());
        return d;
    }

    /**
     * Stops taking tasks, waits up to the shutdown timeout for running ones, hands back the rest,
     * then closes everything this service opened. Idempotent; safe from a shutdown hook.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                awaitClosed();
                return;
            }
            closing = true;
        }
        try {
            if (runtime != null) {
                List<String> handedBack = runtime.close(config.shutdownTimeout());
                if (!handedBack.isEmpty()) {
                    LOG.info("worker service {}: handed back {} running tasks to queue {}: {}", workerId,
                            handedBack.size(), worker.queueName(), handedBack);
                }
            }
            ownedReporters.forEach(WorkerService::closeQuietly);
            closeQuietly(health);
            closeQuietly(healthCheck);
            if (started) {
                closeQuietly(worker::shutdown);
            }
            if (ownsTaskQueue) {
                taskQueue.close();
            }
            LOG.info("worker service {} stopped", workerId);
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until {@link #close()} has finished or {@code timeout} passed; true when closed. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", closeable, e);
        }
    }

    /** Builder for a {@link WorkerService}. */
    public static final class Builder {
        private final BaseWorker<?, ?> worker;
        private TaskQueue taskQueue;
        private Clock clock = Clock.systemUTC();
        private final List<StepReporter> reporters = new ArrayList<>();
        private MeterRegistry registry;
        private Supplier<String> scrape;
        private Duration probeInterval = DEFAULT_PROBE_INTERVAL;

        private Builder(BaseWorker<?, ?> worker) {
            this.worker = Objects.requireNonNull(worker, "worker");
            worker.type();
        }

        /**
         * Runs on {@code taskQueue} instead of opening the configured URL; the service does not close
         * it (tests use this with the in-memory backend).
         */
        public Builder taskQueue(TaskQueue taskQueue) {
            this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
            return this;
        }

        /** The clock of the task queue the service opens (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a reporter of every step, after the job's own progress. */
        public Builder reporter(StepReporter reporter) {
            reporters.add(Objects.requireNonNull(reporter, "reporter"));
            return this;
        }

        /**
         * Records the task queue meters ({@link TaskQueueMetrics}, tagged
         * {@value WorkerService#TAG_WORKER_TYPE}) in {@code registry}, on the task queue the service
         * opens; a task queue handed in with {@link #taskQueue(TaskQueue)} must have them installed by
         * its owner.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Serves {@code GET /metrics} with what {@code scrape} returns (e.g. a Prometheus registry's scrape). */
        public Builder metrics(Supplier<String> scrape) {
            this.scrape = Objects.requireNonNull(scrape, "scrape");
            return this;
        }

        /** How often the backend is asked whether it is reachable (default {@link #DEFAULT_PROBE_INTERVAL}). */
        public Builder probeInterval(Duration probeInterval) {
            if (probeInterval.isNegative() || probeInterval.isZero()) {
                throw new IllegalArgumentException("probe interval must be positive");
            }
            this.probeInterval = probeInterval;
            return this;
        }

        /** The service, not started; opens the configured backend unless given a task queue. */
        public WorkerService build() {
            if (registry != null && taskQueue != null) {
                throw new IllegalStateException("meterRegistry applies to the task queue the service opens;"
                        + " install TaskQueueMetrics on the task queue handed in instead");
            }
            return new WorkerService(this);
        }

        /**
         * Builds, starts and runs the service until the process is told to stop (SIGTERM, SIGINT),
         * then returns once it has shut down as {@link WorkerService#close()} says.
         */
        public void run() {
            WorkerService service = build();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "taskqueue-worker-shutdown"));
            try {
                service.start();
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            service.awaitClosed();
        }
    }
}
