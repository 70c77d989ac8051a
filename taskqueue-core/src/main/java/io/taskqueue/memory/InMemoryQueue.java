package io.taskqueue.memory;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.RetryRequest;
import io.taskqueue.spi.WorkerChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One in-memory queue. Each SPI call takes the queue's single lock for its whole duration, which
 * makes it atomic the way one Lua script is on Redis; the work itself lives in {@link WorkOps},
 * {@link ManageOps} and {@link ReadOps}. Events are appended under the lock (so their order is the
 * order of the steps) and delivered later on the backend's event thread.
 */
final class InMemoryQueue extends LockedQueueExtras {
    private final WorkOps work;
    private final ManageOps manage;
    private final ReadOps reads;

    InMemoryQueue(String name, Clock clock, EventDispatcher dispatcher) {
        this(new QueueState(name, clock, dispatcher));
    }

    private InMemoryQueue(QueueState state) {
        this(state, new ManageOps(state));
    }

    private InMemoryQueue(QueueState state, ManageOps manage) {
        super(state, new MemorySchedulers(state, manage));
        this.work = new WorkOps(state);
        this.manage = manage;
        this.reads = new ReadOps(state);
    }

    @Override
    public String name() {
        return state.name;
    }

    @Override
    public String add(NewJob job) {
        Objects.requireNonNull(job, "job");
        return locked(() -> manage.add(job));
    }

    @Override
    public List<String> addBulk(List<NewJob> jobs) {
        // One atomic add per job, as BullMQ's pipeline: other callers may interleave.
        List<String> ids = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            ids.add(add(job));
        }
        return ids;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        return locked(() -> schedulers.afterFetch(work.fetch(request), request.now()));
    }

    @Override
    public WorkerChannel openWorkerChannel(String workerName) {
        return new MemoryWorkerChannel(state, workerName);
    }

    @Override
    public Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now) {
        Objects.requireNonNull(tokensByJobId, "tokensByJobId");
        return locked(() -> work.extendLocks(tokensByJobId, durationMillis));
    }

    @Override
    public FetchResult finish(FinishRequest request) {
        Objects.requireNonNull(request, "request");
        return locked(() -> schedulers.afterFetch(work.finish(request), request.now()));
    }

    @Override
    public void retry(RetryRequest request) {
        Objects.requireNonNull(request, "request");
        locked(() -> work.retry(request));
    }

    @Override
    public void handBack(String jobId, String token, long now) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(token, "token");
        locked(() -> work.handBack(jobId, token));
    }

    @Override
    public List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        return locked(() -> work.checkStalled(maxStalledCount, intervalMillis));
    }

    @Override
    public Subscription onCancelRequested(Consumer<String> onJobId) {
        Objects.requireNonNull(onJobId, "onJobId");
        // A fresh wrapper per call, so that closing removes exactly this registration.
        Consumer<String> registration = onJobId::accept;
        state.cancelListeners.add(registration);
        return () -> state.cancelListeners.remove(registration);
    }

    @Override
    public boolean updateProgress(String jobId, String progressJson) {
        Objects.requireNonNull(progressJson, "progressJson");
        return locked(() -> reads.updateProgress(jobId, progressJson));
    }

    @Override
    public long addLog(String jobId, String line, Integer keepLogs) {
        Objects.requireNonNull(line, "line");
        return locked(() -> reads.addLog(jobId, line, keepLogs));
    }

    @Override
    public void saveCheckpoint(String jobId, String key, String json) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        locked(() -> reads.saveCheckpoint(jobId, key, json));
    }

    @Override
    public Map<String, String> checkpoints(String jobId) {
        return locked(() -> reads.checkpoints(jobId));
    }

    @Override
    public Optional<Job> getJob(String jobId) {
        return locked(() -> reads.getJob(jobId));
    }

    @Override
    public JobState getState(String jobId) {
        return locked(() -> reads.getState(jobId));
    }

    @Override
    public List<Job> getJobs(JobState jobState, long start, long end, boolean ascending) {
        Objects.requireNonNull(jobState, "state");
        return locked(() -> reads.getJobs(jobState, start, end, ascending));
    }

    @Override
    public Map<JobState, Long> counts(Set<JobState> states) {
        Objects.requireNonNull(states, "states");
        return locked(() -> reads.counts(states));
    }

    @Override
    public List<String> getLogs(String jobId, long start, long end) {
        return locked(() -> reads.getLogs(jobId, start, end));
    }

    @Override
    public void pause() {
        locked(manage::pause);
    }

    @Override
    public void resume() {
        locked(manage::resume);
    }

    @Override
    public boolean isPaused() {
        return locked(() -> state.paused);
    }

    @Override
    public RemoveResult remove(String jobId) {
        return locked(() -> manage.remove(jobId));
    }

    @Override
    public boolean retryJob(String jobId, JobState from, long now) {
        Objects.requireNonNull(from, "from");
        return locked(() -> manage.retryJob(jobId, from));
    }

    @Override
    public boolean promote(String jobId, long now) {
        return locked(() -> manage.promote(jobId));
    }

    @Override
    public boolean changeDelay(String jobId, long delayMillis, long now) {
        return locked(() -> manage.changeDelay(jobId, delayMillis, now));
    }

    @Override
    public boolean changePriority(String jobId, int priority, boolean lifo) {
        return locked(() -> manage.changePriority(jobId, priority, lifo));
    }

    @Override
    public List<String> clean(long graceMillis, int limit, JobState jobState, long now) {
        Objects.requireNonNull(jobState, "state");
        return locked(() -> manage.clean(graceMillis, limit, jobState, now));
    }

    @Override
    public void drain(boolean includeDelayed) {
        locked(() -> manage.drain(includeDelayed));
    }

    @Override
    public void obliterate(boolean force) {
        locked(() -> manage.obliterate(force));
    }

    @Override
    public CancelResult cancel(String jobId, String reason, long now) {
        return locked(() -> manage.cancel(jobId, reason, now));
    }

    @Override
    public Subscription subscribe(String afterId, Consumer<QueueEvent> consumer) {
        return state.events.subscribe(afterId, consumer);
    }

    /** Every event still in the stream, oldest first: a synchronous view for tests. */
    List<QueueEvent> events() {
        return state.events.snapshot();
    }

    /** Backend close: stops deliveries and releases every waiting worker. */
    void shutdown() {
        state.events.closeAll();
        locked(() -> {
            state.closed = true;
            state.markerSet.signalAll();
        });
    }

    @Override
    public String toString() {
        return "InMemoryQueue[" + state.name + "]";
    }
}
