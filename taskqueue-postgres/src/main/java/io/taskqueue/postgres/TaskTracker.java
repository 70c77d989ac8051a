package io.taskqueue.postgres;

import io.taskqueue.JobInterceptor;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueueExtension;
import io.taskqueue.postgres.internal.Enqueuer;
import io.taskqueue.postgres.internal.OperatorCalls;
import io.taskqueue.postgres.internal.TrackerDao;
import io.taskqueue.postgres.internal.TrackerDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskTracker on Postgres: one row per execution of every task, on every queue of a task queue.
 * It is a {@link io.taskqueue.TaskQueueExtension}: the task queue installs its listener and claim
 * interceptor, gives it the application's clock, and closes it.
 *
 * <pre>{@code
 * TaskTracker tracker = TaskTracker.create(dataSource);                  // migrates on start
 * try (TaskQueue taskQueue = TaskQueue.builder().backend(url).extension(tracker).build()) {
 *     JobQueue orders = taskQueue.queue("orders");
 *     taskQueue.worker("orders").handlers(handlers).build().start();     // tracked, claims included
 *     String taskId = tracker.taskId(orders.name(), customerId, orderId);
 *     EnqueueResult r = tracker.enqueue(orders, taskId, "ship", order);  // DUPLICATE within 5 min
 *     List<TaskExecution> chain = tracker.history().retryChain(taskId);
 * }
 * }</pre>
 *
 * <p>Clock: an installed tracker reads every timestamp from the task queue's clock. A tool that
 * only reads (a CLI browsing the dead-letter queue) opens a {@link #standalone} tracker with an
 * explicit clock instead; that one can never be installed, so a tracker has one clock for its life.
 *
 * <p>Guarantees: writes made for running jobs (the listener's) are buffered and stored in batches by
 * one background thread; they never block or fail a job, and when the database is away they wait up
 * to {@link TaskTrackerOptions#bufferLimit()} and are then dropped and counted ({@link #health()}).
 * The two synchronous calls, the duplicate check in {@link #enqueue} and the claim before a handler,
 * wait at most {@link TaskTrackerOptions#syncTimeout()} behind a circuit breaker and then go ahead
 * without the tracker, so a job's outcome never depends on it. Operator calls ({@link #history()},
 * {@link #deadLetters()}) throw {@link TrackerException} when the database is away. Thread-safe.
 *
 * <p>Ownership: a {@code DataSource} handed in is used as it is and never closed; one built from a
 * JDBC URL is a HikariCP pool this tracker closes.
 */
public final class TaskTracker implements TaskQueueExtension {
    private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TaskTrackerOptions options;
    private final TrackerDatabase database;
    private final TrackerDao dao;
    private final String name = "task-tracker-" + INSTANCES.incrementAndGet();
    private final boolean standalone;
    private final AtomicReference<TrackerBinding> binding = new AtomicReference<>();
    private volatile boolean closed;

    private TaskTracker(TrackerDatabase database, TaskTrackerOptions options, Clock standaloneClock) {
        this.database = database;
        this.options = options;
        this.dao = new TrackerDao(database.jdbi(), database.sql());
        this.standalone = standaloneClock != null;
        if (standalone) {
            binding.set(TrackerBinding.standalone(database, options, standaloneClock));
        }
    }

    /** A tracker on the host app's {@code dataSource} (never closed by the tracker), with defaults. */
    public static TaskTracker create(DataSource dataSource) {
        return create(dataSource, TaskTrackerOptions.defaults());
    }

    /** A tracker to install on a task queue, on the host app's {@code dataSource} (never closed by the tracker). */
    public static TaskTracker create(DataSource dataSource, TaskTrackerOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new TaskTracker(TrackerDatabase.on(dataSource, Objects.requireNonNull(options, "options")),
                options, null);
    }

    /**
     * A tracker to install on a task queue, with its own HikariCP pool on {@code jdbcUrl}
     * ({@code user}/{@code password} may be {@code null} when the URL carries them), closed with the
     * tracker. The pool's connection timeout is the sync timeout.
     */
    public static TaskTracker create(String jdbcUrl, String user, String password, TaskTrackerOptions options) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(options, "options");
        return new TaskTracker(TrackerDatabase.pool(jdbcUrl, user, password, options), options, null);
    }

    /**
     * A tracker for tools without a task queue (e.g. a CLI browsing the dead-letter queue), on
     * {@code clock}: history, dead-letter listings, archives, purges and dry runs work; enqueue and
     * replays need a task queue and throw {@link IllegalStateException}. It cannot be installed.
     */
    public static TaskTracker standalone(DataSource dataSource, TaskTrackerOptions options, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        return new TaskTracker(TrackerDatabase.on(dataSource, Objects.requireNonNull(options, "options")),
                options, clock);
    }

    /**
     * Called by {@link io.taskqueue.TaskQueue.Builder#build()}: takes the task queue's clock, adds the
     * listener (records enqueues and outcomes) and the claim interceptor (skips an attempt already
     * processed). The claim runs inside interceptors given to the task queue's builder and outside
     * those given to a worker's builder.
     */
    @Override
    public void install(Installation installation) {
        if (standalone) {
            throw new IllegalStateException("a standalone task tracker has its own clock and cannot be installed;"
                    + " create it with TaskTracker.create(...)");
        }
        if (closed) {
            throw new IllegalStateException("task tracker " + name + " is closed");
        }
        TrackerBinding installed = TrackerBinding.installed(database, options, installation, name);
        if (!binding.compareAndSet(null, installed)) {
            installed.close();
            throw new IllegalStateException("task tracker " + name + " is already installed on a task queue");
        }
        installation.addListener(installed.runtime("install").listener());
        installation.addInterceptor(installed.runtime("install").interceptor());
        LOG.info("task tracker {} installed on {}", name, installation.taskQueue().describe());
    }

    /**
     * The task id {@code {baseQueueName}:{key1}:{key2}...} for {@code queueName} and the natural
     * keys, where the base name is the queue name without its environment prefix
     * ({@link TaskTrackerOptions#environmentPrefixes()}). The same inputs always give the same id.
     */
    public String taskId(String queueName, Object... naturalKeys) {
        return TaskIds.taskId(options.baseQueueName(queueName), naturalKeys);
    }

    /** {@link #enqueue(JobQueue, String, String, Object, JobOptions, Map)} with default options, no metadata. */
    public EnqueueResult enqueue(JobQueue queue, String taskId, String jobName, Object data) {
        return enqueue(queue, taskId, jobName, data, null, null);
    }

    /**
     * Adds a job for {@code taskId} to {@code queue} (a queue of the task queue the tracker is
     * installed on) unless an execution of that task is queued or processing and was enqueued within
     * the dedup window. The check and the tracker row are one transaction under a per-task lock, so
     * of concurrent producers exactly one enqueues. The job's id is the new execution's id unless
     * {@code options} sets one. Exceptions from the queue itself propagate.
     */
    public EnqueueResult enqueue(JobQueue queue, String taskId, String jobName, Object data, JobOptions options,
            Map<String, ?> metadata) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(jobName, "jobName");
        if (!TaskIds.isTaskId(taskId)) {
            throw new IllegalArgumentException("taskId must look like base:key[:key...]: " + taskId);
        }
        return binding("enqueue").runtime("enqueue").enqueuer().enqueue(new Enqueuer.Request(queue, taskId, jobName,
                data, options, metadata, 0, null), true);
    }

    /**
     * Claims an execution by hand: moves it from queued or failed to processing. Of concurrent
     * callers exactly one gets {@code true}; the others must treat it as already processed.
     */
    public boolean claim(String taskId, UUID executionId) {
        Clock clock = binding("claim").clock();
        return OperatorCalls.run(() -> dao.claimExecution(taskId, executionId, clock.instant()));
    }

    /** Retry chains, statistics, stuck and orphaned executions. */
    public TaskHistory history() {
        return binding("history").history();
    }

    /** The dead-letter queue. */
    public DeadLetters deadLetters() {
        return binding("deadLetters").deadLetters();
    }

    /** A snapshot of the write path (all zeros before installation and for a standalone tracker). */
    public TrackerHealth health() {
        TrackerBinding b = binding.get();
        return b == null ? TrackerBinding.NO_WRITE_PATH : b.health();
    }

    /** Waits until every write buffered so far is stored (or dropped); false on timeout. */
    public boolean flush(Duration timeout) {
        TrackerBinding b = binding.get();
        try {
            return b == null || b.flush(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stores what it can within {@link TaskTrackerOptions#closeTimeout()}, then stops; closes an
     * owned pool. The task queue it is installed on calls this after closing its workers. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        TrackerBinding b = binding.get();
        if (b != null) {
            b.close();
        }
        database.close();
    }

    /** The installed listener (for tests of this package). */
    JobLifecycleListener listener() {
        return binding("listener").runtime("listener").listener();
    }

    /** The installed claim interceptor (for tests of this package). */
    JobInterceptor claimInterceptor() {
        return binding("claimInterceptor").runtime("claimInterceptor").interceptor();
    }

    private TrackerBinding binding(String what) {
        TrackerBinding b = binding.get();
        if (b == null) {
            throw new IllegalStateException(what + ": task tracker " + name + " is not installed yet; pass it to"
                    + " TaskQueue.builder().extension(tracker), or use TaskTracker.standalone(...) in a tool");
        }
        return b;
    }
}
