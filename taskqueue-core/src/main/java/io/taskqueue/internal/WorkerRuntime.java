package io.taskqueue.internal;

import io.taskqueue.DrainResult;
import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A running worker: a fetch loop, a handler pool, and timers on the task queue's scheduler for lock
 * renewal, stall checks and hard timeouts. Closing stops fetching, waits for active jobs until a
 * deadline, then hands the rest back to the queue.
 *
 * <p>Whether a fetched job runs or goes back is decided in one place, {@link #runOrHandBack}: under
 * the read side of the lifecycle lock, so that once {@link #close} has taken the write side no job
 * starts, and every job fetched from then on, by the fetch loop or by a finish that fetched the next
 * job, is handed back.
 */
public final class WorkerRuntime implements Worker {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
    /** The longest single pause while rate limited, as BullMQ's {@code maximumRateLimitDelay}. */
    static final long MAX_RATE_LIMIT_DELAY_MS = 30_000;
    /** How long closing waits for outcomes being written after the deadline for active jobs. */
    private static final long RECORDING_WAIT_MS = 30_000;

    private final WorkerSettings settings;
    private final ExecutorService pool;
    private final boolean ownsPool;
    private final Consumer<WorkerRuntime> onClose;
    private final Semaphore slots;
    private final Map<String, JobRun> active = new ConcurrentHashMap<>();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile WorkerHealth.State state = WorkerHealth.State.NEW;
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Outcomes being written (or next jobs being fetched) by handler threads right now. */
    private final AtomicLong recording = new AtomicLong();
    private final OutcomeResolver resolver;
    private final JobRunner runner;
    private final OutcomeRecorder recorder;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
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
        this.resolver = new OutcomeResolver(settings);
        this.runner = new JobRunner(settings, resolver);
        this.recorder = new OutcomeRecorder(settings);
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
            channel = settings.backend().openWorkerChannel(settings.options().name(), this::onCancelRequested);
            long renewEvery = Math.max(1, settings.lockDurationMillis() / 4);
            timers.add(settings.scheduler().scheduleWithFixedDelay(new LockKeeper(settings, active, this::stopHard),
                    renewEvery, renewEvery, TimeUnit.MILLISECONDS));
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

    // ---- used by the fetch loop ----

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
                active.put(job.id(), run);
                try {
                    pool.execute(() -> execute(run));
                    return true;
                } catch (RejectedExecutionException e) {
                    active.remove(job.id(), run);
                    LOG.warn("{} job {}: handler pool refused the job; handing it back", settings.logName(), job.id());
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        handBack(job, token);
        return false;
    }

    private void handBack(Job job, String token) {
        try {
            settings.backend().release(ReleaseRequest.handBack(job.id(), token, settings.now()));
            LOG.debug("{} job {}: fetched while closing; handed back", settings.logName(), job.id());
        } catch (RuntimeException e) {
            LOG.warn("{} job {}: could not hand back; the stall check will recover it", settings.logName(), job.id(), e);
        }
    }

    @Override
    public DrainResult drain() {
        if (state != WorkerHealth.State.NEW) {
            throw new IllegalStateException("drain() is for workers that were not started");
        }
        return new SyncDrain(settings, runner, recorder, this::nextFetchRequest, this::finished).run();
    }

    // ---- running a job ----

    private void execute(JobRun run) {
        boolean slotPassedOn = false;
        try {
            Job job = run.job();
            var timeout = job.options().timeout();
            ScheduledFuture<?> timer = timeout == null ? null : settings.scheduler().schedule(
                    () -> stopHard(run, JobRun.StopKind.TIMEOUT, "job timed out after " + timeout.toMillis() + " ms"),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            JobOutcome outcome = runner.run(run);
            if (timer != null) {
                timer.cancel(false);
            }
            recording.incrementAndGet();
            try {
                if (!run.settle()) {
                    return;
                }
                active.remove(job.id(), run);
                FetchRequest next = isRunning() ? nextFetchRequest() : null;
                OutcomeRecorder.Recorded recorded = recorder.record(run, outcome, next);
                finished(run, recorded.outcome());
                if (recorded.next() instanceof FetchResult.Fetched fetchedNext && next != null) {
                    fetched(recorded.next());
                    slotPassedOn = runOrHandBack(fetchedNext.job(), next.token());
                } else if (recorded.next() instanceof FetchResult.RateLimited) {
                    fetched(recorded.next());
                }
            } finally {
                recording.decrementAndGet();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{} job {}: worker error while running the job", settings.logName(), run.job().id(), e);
        } finally {
            if (!slotPassedOn) {
                slots.release();
            }
            synchronized (active) {
                active.notifyAll();
            }
        }
    }

    /**
     * Stops a run without waiting for its handler and records the outcome now; false when the run
     * had already settled (its handler returned first).
     */
    boolean stopHard(JobRun run, JobRun.StopKind kind, String reason) {
        // Settle before signalling: a handler woken by the signal could otherwise settle first, and a
        // job handed back by its own thread would be missing from the list close() returns.
        if (!run.settle()) {
            return false;
        }
        run.requestStop(kind, reason);
        active.remove(run.job().id(), run);
        if (kind == JobRun.StopKind.LOCK_LOST) {
            LOG.warn("{} job {}: lock lost; the handler was told to stop and its result will be dropped",
                    settings.logName(), run.job().id());
        }
        JobOutcome outcome = resolver.stopped(run.job(), new JobRun.StopSignal(kind, reason));
        finished(run, recorder.record(run, outcome, null).outcome());
        synchronized (active) {
            active.notifyAll();
        }
        return true;
    }

    private void finished(JobRun run, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Completed) {
            completed.incrementAndGet();
        } else if (outcome instanceof JobOutcome.Failed || outcome instanceof JobOutcome.Cancelled) {
            failed.incrementAndGet();
        }
        settings.listener().onFinished(settings.backend().name(), run.job(), outcome, run.elapsedMillis());
    }

    private void onCancelRequested(String jobId) {
        JobRun run = active.get(jobId);
        if (run != null && run.requestStop(JobRun.StopKind.CANCELLED, WorkerSettings.CANCELLED_REASON)) {
            LOG.info("{} job {}: cancel requested; handler signalled", settings.logName(), jobId);
        }
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
        joinQuietly(fetcher, RECORDING_WAIT_MS);
        awaitActive(deadline);
        List<String> handedBack = new ArrayList<>();
        for (JobRun run : List.copyOf(active.values())) {
            if (stopHard(run, JobRun.StopKind.CLOSING, "worker closing")) {
                handedBack.add(run.job().id());
            }
        }
        if (!handedBack.isEmpty()) {
            LOG.warn("{}: handed back {} unfinished jobs: {}", settings.logName(), handedBack.size(), handedBack);
        }
        awaitRecordings();
        shutdown();
        state = WorkerHealth.State.CLOSED;
        LOG.info("{}: worker closed", settings.logName());
        return handedBack;
    }

    private void awaitActive(Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        synchronized (active) {
            while (!active.isEmpty() && System.nanoTime() < until) {
                long waitMs = Math.max(1, (until - System.nanoTime()) / 1_000_000);
                try {
                    active.wait(Math.min(waitMs, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Handler threads writing an outcome must not be interrupted by the pool's shutdown. */
    private void awaitRecordings() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECORDING_WAIT_MS);
        synchronized (active) {
            while (recording.get() > 0 && System.nanoTime() < until) {
                try {
                    active.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
                completed.get(), failed.get());
    }

    @Override
    public String toString() {
        return "Worker[" + settings.logName() + ", " + state + "]";
    }
}
