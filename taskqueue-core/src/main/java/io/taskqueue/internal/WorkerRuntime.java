package io.taskqueue.internal;

import io.taskqueue.DrainResult;
import io.taskqueue.Job;
import io.taskqueue.Worker;
import io.taskqueue.WorkerHealth;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's life: a fetch loop, a handler pool, and timers on the task queue's scheduler for lock
 * renewal and stall checks. Closing stops fetching, waits for active jobs until a deadline, then
 * hands the rest back to the queue.
 *
 * <p>Whether a fetched job runs or goes back is decided in one place, {@link #runOrHandBack}: under
 * the read side of the lifecycle lock, so that once {@link #close} has taken the write side no job
 * starts, and every job fetched from then on, by the fetch loop or by a finish that fetched the next
 * job, is handed back. Nothing interrupts a thread inside a backend call: closing wakes the fetch
 * loop's waits and waits for outcomes being written before it shuts the handler pool down.
 */
public final class WorkerRuntime implements Worker {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
    /** The longest single pause while rate limited, as BullMQ's {@code maximumRateLimitDelay}. */
    static final long MAX_RATE_LIMIT_DELAY_MS = 30_000;
    /** How long closing waits for the fetch loop's last call and for outcomes being written. */
    private static final long BACKEND_CALL_WAIT_MS = 30_000;

    private final WorkerSettings settings;
    private final ExecutorService pool;
    private final boolean ownsPool;
    private final Consumer<WorkerRuntime> onClose;
    private final Semaphore slots;
    private final ActiveJobs active = new ActiveJobs();
    private final JobExecution execution;
    private final JobRunner runner;
    private final OutcomeRecorder recorder;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong tokens = new AtomicLong();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private volatile WorkerHealth.State state = WorkerHealth.State.NEW;
    private volatile Instant lastFetchAt;
    /** Until when (worker clock, ms) this worker must not fetch because the queue is rate limited. */
    private volatile long rateLimitedUntil;
    private Thread fetcher;
    private WorkerChannel channel;

    public WorkerRuntime(WorkerSettings settings, ExecutorService userPool, Consumer<WorkerRuntime> onClose) {
        this.settings = settings;
        this.onClose = onClose;
        this.ownsPool = userPool == null;
        this.pool = userPool != null ? userPool
                : EagerThreadPool.create(settings.options().effectiveThreadPool(),
                        new NamedThreadFactory(threadPrefix() + "-handler", Thread.NORM_PRIORITY));
        this.slots = new Semaphore(settings.options().concurrency());
        OutcomeResolver resolver = new OutcomeResolver(settings);
        this.runner = new JobRunner(settings, resolver);
        this.recorder = new OutcomeRecorder(settings);
        this.execution = new JobExecution(settings, this, active, runner, resolver, recorder);
    }

    private String threadPrefix() {
        return "taskqueue-" + settings.logName().replace('/', '-');
    }

    @Override
    public Worker start() {
        lifecycle.writeLock().lock();
        try {
            if (state != WorkerHealth.State.NEW) {
                throw new IllegalStateException("worker on queue '" + settings.backend().name() + "' "
                        + (state == WorkerHealth.State.RUNNING ? "was already started" : "is closed"));
            }
            channel = settings.backend().openWorkerChannel(settings.options().name(), execution::onCancelRequested);
            long renewEvery = Math.max(1, settings.lockDurationMillis() / 4);
            timers.add(settings.scheduler().scheduleWithFixedDelay(
                    new LockKeeper(settings, active.asMap(), execution::stopHard), renewEvery, renewEvery,
                    TimeUnit.MILLISECONDS));
            timers.add(settings.scheduler().scheduleWithFixedDelay(this::checkStalled, 0,
                    settings.options().stalledInterval().toMillis(), TimeUnit.MILLISECONDS));
            fetcher = new NamedThreadFactory(threadPrefix() + "-fetch", Thread.NORM_PRIORITY)
                    .newThread(new FetchLoop(settings, this));
            state = WorkerHealth.State.RUNNING;
            fetcher.start();
        } finally {
            lifecycle.writeLock().unlock();
        }
        LOG.info("{}: worker started (concurrency {}, lock {} ms)", settings.logName(),
                settings.options().concurrency(), settings.lockDurationMillis());
        return this;
    }

    @Override
    public String queueName() {
        return settings.backend().name();
    }

    @Override
    public WorkerOptions options() {
        return settings.options();
    }

    // ---- used by the fetch loop and by job execution ----

    boolean isRunning() {
        return state == WorkerHealth.State.RUNNING;
    }

    Semaphore slots() {
        return slots;
    }

    WorkerChannel channel() {
        return channel;
    }

    /** Sleeps up to {@code millis}; returns early when the worker starts closing. */
    void pause(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    FetchRequest nextFetchRequest() {
        return new FetchRequest(settings.workerId() + ":" + tokens.incrementAndGet(), settings.lockDurationMillis(),
                settings.options().name(), settings.now(), settings.options().limiter());
    }

    void fetched(FetchResult result) {
        lastFetchAt = settings.clock().instant();
        if (result instanceof FetchResult.RateLimited limited) {
            // BullMQ's maximumRateLimitDelay: never sleep longer than 30 s in one go.
            rateLimitedUntil = settings.now() + Math.max(1, Math.min(limited.ttlMillis(), MAX_RATE_LIMIT_DELAY_MS));
        }
    }

    /** How long the fetch loop must still wait before fetching, in ms (0: fetch now). */
    long rateLimitWait() {
        return Math.max(0, rateLimitedUntil - settings.now());
    }

    /**
     * The fate of a job this worker fetched, decided here only: it runs in a slot the caller holds
     * while the worker is running, else it goes back to the queue at once. Returns whether the slot
     * now belongs to the job.
     */
    boolean runOrHandBack(Job job, String token) {
        lifecycle.readLock().lock();
        try {
            if (state == WorkerHealth.State.RUNNING) {
                JobRun run = new JobRun(job, token);
                active.put(run);
                try {
                    pool.execute(() -> execution.execute(run));
                    return true;
                } catch (RejectedExecutionException e) {
                    active.remove(run);
                    LOG.warn("{} job {}: handler pool refused the job; handing it back", settings.logName(), job.id());
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        try {
            settings.backend().release(ReleaseRequest.handBack(job.id(), token, settings.now()));
            LOG.debug("{} job {}: fetched while closing; handed back", settings.logName(), job.id());
        } catch (RuntimeException e) {
            LOG.warn("{} job {}: could not hand back; the stall check will recover it", settings.logName(), job.id(), e);
        }
        return false;
    }

    @Override
    public DrainResult drain() {
        if (state != WorkerHealth.State.NEW) {
            throw new IllegalStateException("drain() is for workers that were not started");
        }
        return new SyncDrain(settings, runner, recorder, this::nextFetchRequest, execution::finished).run();
    }

    private void checkStalled() {
        try {
            List<String> recovered = settings.backend().checkStalled(settings.options().maxStalledCount(),
                    settings.options().stalledInterval().toMillis(), settings.now());
            for (String jobId : recovered) {
                LOG.warn("{} job {}: stalled (its worker stopped renewing the lock); put back", settings.logName(), jobId);
                settings.listener().onStalled(settings.backend().name(), jobId);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: stall check failed; will retry", settings.logName(), e);
        }
    }

    // ---- closing ----

    @Override
    public List<String> close(Duration deadline) {
        lifecycle.writeLock().lock();
        try {
            if (state == WorkerHealth.State.NEW) {
                state = WorkerHealth.State.CLOSED;
                shutdown();
                return List.of();
            }
            if (state != WorkerHealth.State.RUNNING) {
                return List.of();
            }
            state = WorkerHealth.State.CLOSING;
        } finally {
            lifecycle.writeLock().unlock();
        }
        LOG.info("{}: closing, waiting up to {} ms for {} active jobs", settings.logName(), deadline.toMillis(),
                active.size());
        closing.countDown();
        slots.release(settings.options().concurrency());
        channel.close();
        joinQuietly(fetcher, BACKEND_CALL_WAIT_MS);
        active.awaitEmpty(deadline);
        List<String> handedBack = new ArrayList<>();
        for (JobRun run : active.snapshot()) {
            if (execution.stopHard(run, JobRun.StopKind.CLOSING, "worker closing")) {
                handedBack.add(run.job().id());
            }
        }
        if (!handedBack.isEmpty()) {
            LOG.warn("{}: handed back {} unfinished jobs: {}", settings.logName(), handedBack.size(), handedBack);
        }
        active.awaitRecordings(BACKEND_CALL_WAIT_MS);
        shutdown();
        state = WorkerHealth.State.CLOSED;
        LOG.info("{}: worker closed", settings.logName());
        return handedBack;
    }

    private void shutdown() {
        timers.forEach(timer -> timer.cancel(false));
        if (ownsPool) {
            pool.shutdownNow();
        }
        if (channel != null) {
            channel.close();
        }
        onClose.accept(this);
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public WorkerHealth health() {
        Instant last = lastFetchAt;
        Duration since = last == null ? null : Duration.between(last, settings.clock().instant());
        return new WorkerHealth(state, last, since, active.size(), settings.options().concurrency(),
                execution.completedCount(), execution.failedCount());
    }

    @Override
    public String toString() {
        return "Worker[" + settings.logName() + ", " + state + "]";
    }
}
