package io.taskqueue.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.JobInterceptor;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.postgres.internal.Enqueuer;
import io.taskqueue.postgres.internal.TrackerQueries;
import io.taskqueue.postgres.internal.TrackerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.JdbiException;

/**
 * The TaskTracker on Postgres: one row per execution of every task, on any queue.
 *
 * <pre>{@code
 * try (TaskTracker tracker = TaskTracker.create(dataSource)) {          // migrates on start
 *     Queue queue = tracker.track(Queue.builder(backend, "partner_tasks")).build();
 *     Worker worker = tracker.track(Worker.builder(backend, "partner_tasks")).handlers(handlers).build().start();
 *     String taskId = TaskIds.taskId(queue.name(), "SATLOC", aircraftId, logId);
 *     EnqueueResult r = tracker.enqueue(queue, taskId, "process-log", data);  // DUPLICATE within 5 min
 *     List<TaskExecution> chain = tracker.retryChain(taskId);
 * }
 * }</pre>
 *
 * <p>Guarantees: writes made for running jobs (the listener's) are buffered and stored in batches by
 * one background thread; they never block or fail a job, and when the database is away they wait up
 * to {@link TaskTrackerOptions#bufferLimit()} and are then dropped and counted
 * ({@link #health()}). The two synchronous calls, the duplicate check in {@link #enqueue} and the
 * claim before a handler, wait at most {@link TaskTrackerOptions#syncTimeout()} and then go ahead
 * without the tracker. Operator calls (queries, {@link #deadLetters()}) talk to the database directly
 * and throw {@link TrackerException} when it is away. Thread-safe.
 *
 * <p>Ownership: a {@code DataSource} handed in is used as it is and never closed; one built from a
 * JDBC URL is a HikariCP pool this tracker closes.
 */
public final class TaskTracker implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TaskTrackerOptions options;
    private final TrackerRuntime runtime;
    private final TrackerQueries queries;
    private final DeadLetters deadLetters;
    private final HikariDataSource ownedPool;

    private TaskTracker(DataSource dataSource, TaskTrackerOptions options, HikariDataSource ownedPool) {
        this.options = options;
        this.ownedPool = ownedPool;
        if (options.migrate()) {
            Migrations.apply(dataSource);
        }
        this.runtime = new TrackerRuntime(dataSource, options, "task-tracker-" + INSTANCES.incrementAndGet());
        this.queries = new TrackerQueries(runtime.jdbi());
        this.deadLetters = new DeadLetters(runtime, options);
    }

    /** A tracker on the host app's {@code dataSource} (never closed by the tracker), with defaults. */
    public static TaskTracker create(DataSource dataSource) {
        return create(dataSource, TaskTrackerOptions.defaults());
    }

    /** A tracker on the host app's {@code dataSource} (never closed by the tracker). */
    public static TaskTracker create(DataSource dataSource, TaskTrackerOptions options) {
        return new TaskTracker(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(options, "options"), null);
    }

    /**
     * A tracker with its own HikariCP pool on {@code jdbcUrl} ({@code user}/{@code password} may be
     * {@code null} when the URL carries them), closed with the tracker. The pool's connection
     * timeout is the sync timeout, and its connections use {@link TaskTrackerOptions#schema()}.
     */
    public static TaskTracker create(String jdbcUrl, String user, String password, TaskTrackerOptions options) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(options, "options");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setConnectionTimeout(Math.max(250, options.syncTimeout().toMillis()));
        config.setPoolName("task-tracker-pool");
        if (options.schema() != null) {
            config.setSchema(options.schema());
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new TaskTracker(pool, options, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    // ---- wiring ----

    /** Records enqueues (on a queue) and outcomes (on a worker). */
    public JobLifecycleListener listener() {
        return runtime.listener();
    }

    /** Claims each attempt before its handler; a refused claim skips the handler ({@link AlreadyProcessed}). */
    public JobInterceptor claimInterceptor() {
        return runtime.interceptor();
    }

    /** The classifier whose categories the tracker stores. */
    public TrackerErrorClassifier errorClassifier() {
        return options.classifier();
    }

    /**
     * Adds the listener, the claim interceptor and the error classifier to a worker: the one line
     * that gives a queue tracking. Call it before adding other interceptors, so the claim is the
     * outermost and a skipped attempt runs none of them.
     */
    public Worker.Builder track(Worker.Builder worker) {
        return worker.listener(listener()).interceptor(claimInterceptor()).errorClassifier(options.classifier());
    }

    /** Adds the listener to a queue, so jobs added with plain {@code add} are tracked too. */
    public Queue.Builder track(Queue.Builder queue) {
        return queue.listener(listener());
    }

    // ---- producing and claiming ----

    /** {@link #enqueue(Queue, String, String, Object, JobOptions, Map)} with default options, no metadata. */
    public EnqueueResult enqueue(Queue queue, String taskId, String jobName, Object data) {
        return enqueue(queue, taskId, jobName, data, null, null);
    }

    /**
     * Adds a job for {@code taskId} unless an execution of that task is queued or processing and was
     * enqueued within the dedup window. The check and the tracker row are one transaction under a
     * per-task lock, so of concurrent producers exactly one enqueues. The job's id is the new
     * execution's id unless {@code options} sets one. Exceptions from the queue itself propagate.
     */
    public EnqueueResult enqueue(Queue queue, String taskId, String jobName, Object data, JobOptions options,
            Map<String, ?> metadata) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(jobName, "jobName");
        if (!TaskIds.isTaskId(taskId)) {
            throw new IllegalArgumentException("taskId must look like base:key[:key...]: " + taskId);
        }
        return runtime.enqueuer().enqueue(new Enqueuer.Request(queue, taskId, jobName, data, options, metadata, 0, null),
                true);
    }

    /**
     * The seed's claim: moves the execution from queued or failed to processing. Of concurrent
     * callers exactly one gets {@code true}; the others must treat it as already processed.
     */
    public boolean claim(String taskId, UUID executionId) {
        return query(() -> runtime.dao().claimExecution(taskId, executionId, options.clock().instant()));
    }

    // ---- queries ----

    /** Every execution of {@code taskId}, oldest first (retries and replays included). */
    public List<TaskExecution> retryChain(String taskId) {
        return query(() -> queries.retryChain(taskId));
    }

    /** One execution. */
    public Optional<TaskExecution> execution(UUID executionId) {
        return query(() -> queries.find(executionId));
    }

    /** How many executions of {@code queueName} are in each status (absent statuses are 0). */
    public Map<TaskStatus, Long> queueStats(String queueName) {
        Map<TaskStatus, Long> stats = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            stats.put(s, 0L);
        }
        query(() -> queries.statusCounts(queueName)).forEach((k, v) -> stats.put(TaskStatus.fromWireName(k), v));
        return stats;
    }

    /** Failed and dead executions by category, for one queue or ({@code null}) all. */
    public Map<TaskErrorCategory, Long> failuresByCategory(String queueName) {
        Map<TaskErrorCategory, Long> counts = new EnumMap<>(TaskErrorCategory.class);
        query(() -> queries.categoryCounts(queueName))
                .forEach((k, v) -> counts.put(TaskErrorCategory.fromWireName(k), v));
        return counts;
    }

    /** How much duplicate work was kept out, for one queue or ({@code null}) all. */
    public DuplicateStats duplicates(String queueName) {
        return query(() -> new DuplicateStats(queries.duplicatesPrevented(queueName),
                queries.tasksWithSeveralExecutions(queueName), runtime.claimsRefused()));
    }

    /** Executions processing for longer than {@code threshold}, longest first, at most {@code limit}. */
    public List<TaskExecution> stuck(Duration threshold, int limit) {
        Instant before = options.clock().instant().minus(threshold);
        return query(() -> queries.stuck(before, limit));
    }

    /**
     * Executions of {@code queue} the tracker believes are processing (claimed more than
     * {@code grace} ago, so outcomes still in the write buffer are not reported) while the queue does
     * not hold the job as active.
     */
    public List<Orphan> reconcile(Queue queue, Duration grace) {
        Instant cutoff = options.clock().instant().minus(grace);
        List<Orphan> orphans = new ArrayList<>();
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<TaskExecution> page = query(() -> queries.processingInQueue(queue.name(), from, 500));
            for (TaskExecution e : page) {
                if (e.processingStartedAt() != null && e.processingStartedAt().isAfter(cutoff)) {
                    continue;
                }
                JobState state = queue.getState(e.jobId());
                if (state != JobState.ACTIVE) {
                    orphans.add(new Orphan(e, state));
                }
            }
            if (page.size() < 500) {
                return orphans;
            }
            afterId = page.get(page.size() - 1).id();
        }
    }

    /** The dead-letter queue. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    // ---- operations ----

    /** A snapshot of the write path. */
    public TrackerHealth health() {
        return runtime.health();
    }

    /** Waits until every write buffered so far is stored (or dropped); false on timeout. */
    public boolean flush(Duration timeout) {
        try {
            return runtime.flush(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stores what it can within {@link TaskTrackerOptions#closeTimeout()}, then stops; closes an owned pool. */
    @Override
    public void close() {
        runtime.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    static <T> T query(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new TrackerException("task tracker query failed: " + e.getMessage(), e);
        }
    }
}
