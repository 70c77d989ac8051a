package io.taskqueue.internal;

import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.Subscription;
import io.taskqueue.WorkerHealth;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of a worker: a fetch loop, a handler pool, a lock keeper on its own
 * high-priority thread (handlers cannot starve it), and a maintenance thread for stall checks and
 * hard timeouts. Closing stops fetching, waits for active jobs until a deadline, then hands the
 * rest back to the queue.
 */
public final class WorkerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
    /** The longest single pause while rate limited, as BullMQ's {@code maximumRateLimitDelay}. */
    static final long MAX_RATE_LIMIT_DELAY_MS = 30_000;

    private final WorkerSettings settings;
    private final ExecutorService pool;
    private final boolean ownsPool;
    private final Semaphore slots;
    private final Map<String, JobRun> active = new ConcurrentHashMap<>();
    private final AtomicReference<WorkerHealth.State> state = new AtomicReference<>(WorkerHealth.State.NEW);
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final OutcomeResolver resolver;
    private final JobRunner runner;
    private final OutcomeRecorder recorder;
    private final ScheduledExecutorService lockKeeper;
    private final ScheduledExecutorService maintenance;
    private volatile Instant lastFetchAt;
    /** Until when (worker clock, ms) this worker must not fetch because the queue is rate limited. */
    private volatile long rateLimitedUntil;
    private Thread fetcher;
    private WorkerChannel channel;
    private Subscription cancellations;

    public WorkerRuntime(WorkerSettings settings, ExecutorService userPool) {
        this.settings = settings;
        String name = "taskqueue-" + settings.logName().replace('/', '-');
        this.ownsPool = userPool == null;
        this.pool = userPool != null ? userPool
                : EagerThreadPool.create(settings.options().effectiveThreadPool(),
                        new NamedThreadFactory(name + "-handler", Thread.NORM_PRIORITY));
        this.slots = new Semaphore(settings.options().concurrency());
        this.resolver = new OutcomeResolver(settings);
        this.runner = new JobRunner(settings, resolver);
        this.recorder = new OutcomeRecorder(settings);
        this.lockKeeper = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory(name + "-locks", Thread.MAX_PRIORITY));
        this.maintenance = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory(name + "-maintenance", Thread.NORM_PRIORITY));
    }

    public void start() {
        if (!state.compareAndSet(WorkerHealth.State.NEW, WorkerHealth.State.RUNNING)) {
            throw new IllegalStateException("worker already started");
        }
        channel = settings.backend().openWorkerChannel(settings.options().name());
        cancellations = settings.backend().onCancelRequested(this::onCancelRequested);
        long renewEvery = Math.max(1, settings.lockDurationMillis() / 4);
        lockKeeper.scheduleWithFixedDelay(new LockKeeper(settings, active, this::stopHard),
                renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        long stalledEvery = settings.options().stalledInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::checkStalled, 0, stalledEvery, TimeUnit.MILLISECONDS);
        fetcher = new NamedThreadFactory("taskqueue-" + settings.logName().replace('/', '-') + "-fetch",
                Thread.NORM_PRIORITY).newThread(new FetchLoop(settings, this));
        fetcher.start();
        LOG.info("{}: worker started (concurrency {}, lock {} ms)", settings.logName(),
                settings.options().concurrency(), settings.lockDurationMillis());
    }

    // ---- used by the fetch loop ----

    boolean isRunning() {
        return state.get() == WorkerHealth.State.RUNNING;
    }

    Semaphore slots() {
        return slots;
    }

    WorkerChannel channel() {
        return channel;
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

    /** Starts a fetched job in a slot the caller already holds. */
    void dispatch(Job job, String token) {
        JobRun run = new JobRun(job, token);
        active.put(job.id(), run);
        try {
            pool.execute(() -> execute(run));
        } catch (RejectedExecutionException e) {
            active.remove(job.id());
            slots.release();
            LOG.warn("{} job {}: handler pool refused the job; it will be recovered by the stall check",
                    settings.logName(), job.id());
        }
    }

    /**
     * Runs every job that is ready now on the calling thread, one after another, without starting
     * any thread: the synchronous mode for tests. Jobs that retry at once are run again; delayed
     * ones wait for the clock.
     */
    public io.taskqueue.DrainResult drain() {
        if (state.get() != WorkerHealth.State.NEW) {
            throw new IllegalStateException("drain() is for workers that were not started");
        }
        int done = 0;
        int failedForGood = 0;
        int retried = 0;
        while (true) {
            FetchRequest request = nextFetchRequest();
            if (!(settings.backend().fetch(request) instanceof FetchResult.Fetched fetched)) {
                return new io.taskqueue.DrainResult(done, failedForGood, retried);
            }
            JobRun run = new JobRun(fetched.job(), request.token());
            JobOutcome outcome = runner.run(run);
            run.settle();
            JobOutcome recorded = recorder.record(run, outcome, null).outcome();
            finished(run, recorded);
            if (recorded instanceof JobOutcome.RateLimited) {
                // Everything left is rate limited: the synchronous drain stops here.
                return new io.taskqueue.DrainResult(done, failedForGood, retried + 1);
            }
            if (recorded instanceof JobOutcome.Completed) {
                done++;
            } else if (recorded instanceof JobOutcome.Failed f && f.willRetry()
                    || recorded instanceof JobOutcome.RetryLater) {
                retried++;
            } else {
                failedForGood++;
            }
        }
    }

    // ---- running a job ----

    private void execute(JobRun run) {
        boolean slotPassedOn = false;
        try {
            Job job = run.job();
            var timeout = job.options().timeout();
            var timer = timeout == null ? null : maintenance.schedule(() -> stopHard(run, JobRun.StopKind.TIMEOUT,
                    "job timed out after " + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS);
            JobOutcome outcome = runner.run(run);
            if (timer != null) {
                timer.cancel(false);
            }
            if (!run.settle()) {
                return;
            }
            active.remove(job.id(), run);
            FetchRequest next = isRunning() ? nextFetchRequest() : null;
            OutcomeRecorder.Recorded recorded = recorder.record(run, outcome, next);
            finished(run, recorded.outcome());
            if (recorded.next() instanceof FetchResult.Fetched fetchedNext && next != null) {
                fetched(recorded.next());
                if (isRunning()) {
                    dispatch(fetchedNext.job(), next.token());
                    slotPassedOn = true;
                } else {
                    handBackUnstarted(fetchedNext.job(), next.token());
                }
            } else if (recorded.next() instanceof FetchResult.RateLimited) {
                fetched(recorded.next());
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

    /** Stops a run without waiting for its handler and records the outcome now. */
    void stopHard(JobRun run, JobRun.StopKind kind, String reason) {
        run.requestStop(kind, reason);
        if (!run.settle()) {
            return;
        }
        active.remove(run.job().id(), run);
        JobOutcome outcome = switch (kind) {
            case TIMEOUT -> resolver.failed(run.job(),
                    new java.util.concurrent.TimeoutException(reason));
            case LOCK_LOST -> new JobOutcome.LockLost(reason);
            case CLOSING -> new JobOutcome.HandedBack();
            case CANCELLED -> new JobOutcome.Cancelled(reason);
        };
        if (kind == JobRun.StopKind.LOCK_LOST) {
            LOG.warn("{} job {}: lock lost; the handler was told to stop and its result will be dropped",
                    settings.logName(), run.job().id());
        }
        finished(run, recorder.record(run, outcome, null).outcome());
        synchronized (active) {
            active.notifyAll();
        }
    }

    private void finished(JobRun run, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Completed) {
            completed.incrementAndGet();
        } else if (outcome instanceof JobOutcome.Failed || outcome instanceof JobOutcome.Cancelled) {
            failed.incrementAndGet();
        }
        settings.listener().onFinished(settings.backend().name(), run.job(), outcome, run.elapsedMillis());
    }

    private void handBackUnstarted(Job job, String token) {
        try {
            settings.backend().handBack(job.id(), token, settings.now());
        } catch (RuntimeException e) {
            LOG.warn("{} job {}: could not hand back; the stall check will recover it", settings.logName(), job.id(), e);
        }
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

    /** Stops fetching, waits until {@code deadline} for active jobs, hands the rest back; returns their ids. */
    public List<String> close(Duration deadline) {
        if (state.compareAndSet(WorkerHealth.State.NEW, WorkerHealth.State.CLOSED)) {
            shutdownThreads();
            return List.of();
        }
        if (!state.compareAndSet(WorkerHealth.State.RUNNING, WorkerHealth.State.CLOSING)) {
            return List.of();
        }
        LOG.info("{}: closing, waiting up to {} ms for {} active jobs", settings.logName(), deadline.toMillis(),
                active.size());
        fetcher.interrupt();
        joinQuietly(fetcher, 10_000);
        long until = System.nanoTime() + deadline.toNanos();
        synchronized (active) {
            while (!active.isEmpty() && System.nanoTime() < until) {
                long waitMs = Math.max(1, (until - System.nanoTime()) / 1_000_000);
                try {
                    active.wait(Math.min(waitMs, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<String> handedBack = new ArrayList<>();
        for (JobRun run : List.copyOf(active.values())) {
            handedBack.add(run.job().id());
            stopHard(run, JobRun.StopKind.CLOSING, "worker closing");
        }
        if (!handedBack.isEmpty()) {
            LOG.warn("{}: handed back {} unfinished jobs: {}", settings.logName(), handedBack.size(), handedBack);
        }
        shutdownThreads();
        state.set(WorkerHealth.State.CLOSED);
        LOG.info("{}: worker closed", settings.logName());
        return handedBack;
    }

    private void shutdownThreads() {
        lockKeeper.shutdownNow();
        maintenance.shutdownNow();
        if (ownsPool) {
            pool.shutdownNow();
        }
        if (cancellations != null) {
            cancellations.close();
        }
        if (channel != null) {
            channel.close();
        }
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public WorkerHealth health() {
        Instant last = lastFetchAt;
        Duration since = last == null ? null : Duration.between(last, settings.clock().instant());
        return new WorkerHealth(state.get(), last, since, active.size(), settings.options().concurrency(),
                completed.get(), failed.get());
    }
}
