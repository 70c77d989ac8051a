package io.taskqueue.memory;

import io.taskqueue.EventCursor;
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
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.RemoveResult;
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
 * One in-memory queue: the job lifecycle. Each call takes the queue's single lock for its whole
 * duration, which makes it atomic the way one script is on Redis; the work itself lives in
 * {@link WorkOps}, {@link ManageOps} and {@link ReadOps}. Events are appended under the lock (so
 * their order is the order of the steps) and delivered later on the backend's event thread. The
 * optional capabilities are objects of their own that share the queue's state.
 */
final class InMemoryQueue implements QueueBackend {
    private final QueueState state;
    private final WorkOps work;
    private final ManageOps manage;
    private final ReadOps reads;
    private final MemorySchedulers schedulers;
    private final List<Object> capabilities;

    InMemoryQueue(String name, Clock clock, EventDispatcher dispatcher) {
        this.state = new QueueState(name, clock, dispatcher);
        this.work = new WorkOps(state);
        this.manage = new ManageOps(state);
        this.reads = new ReadOps(state);
        this.schedulers = new MemorySchedulers(state, manage);
        this.capabilities = List.of(new MemoryQueueAdmin(state, manage, reads), new MemoryLimits(state),
                new MemoryGroups(state), new MemoryDeduplication(state), schedulers, new MemoryWorkers(state));
    }

    @Override
    public String name() {
        return state.name;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        for (Object capability : capabilities) {
            if (type.isInstance(capability)) {
                return Optional.of(type.cast(capability));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> add(List<NewJob> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        // One atomic add per job, as a pipeline of scripts on Redis: other callers may interleave.
        List<String> ids = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            Objects.requireNonNull(job, "job");
            ids.add(state.locked(() -> manage.add(job)));
        }
        return ids;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        return state.locked(() -> schedulers.afterFetch(work.fetch(request), request.now()));
    }

    @Override
    public WorkerChannel openWorkerChannel(String workerName, Consumer<String> onCancelRequested) {
        Objects.requireNonNull(onCancelRequested, "onCancelRequested");
        return new MemoryWorkerChannel(state, workerName, onCancelRequested);
    }

    @Override
    public Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now) {
        Objects.requireNonNull(tokensByJobId, "tokensByJobId");
        return state.locked(() -> work.extendLocks(tokensByJobId, durationMillis));
    }

    @Override
    public FetchResult finish(FinishRequest request) {
        Objects.requireNonNull(request, "request");
        return state.locked(() -> schedulers.afterFetch(work.finish(request), request.now()));
    }

    @Override
    public void release(ReleaseRequest request) {
        Objects.requireNonNull(request, "request");
        state.locked(() -> work.release(request));
    }

    @Override
    public List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        return state.locked(() -> work.checkStalled(maxStalledCount, intervalMillis));
    }

    @Override
    public CancelResult cancel(String jobId, String reason, long now) {
        return state.locked(() -> manage.cancel(jobId, reason, now));
    }

    @Override
    public boolean updateProgress(String jobId, String progressJson) {
        Objects.requireNonNull(progressJson, "progressJson");
        return state.locked(() -> reads.updateProgress(jobId, progressJson));
    }

    @Override
    public long addLog(String jobId, String line, Integer keepLogs) {
        Objects.requireNonNull(line, "line");
        return state.locked(() -> reads.addLog(jobId, line, keepLogs));
    }

    @Override
    public Optional<Job> getJob(String jobId) {
        return state.locked(() -> reads.getJob(jobId));
    }

    @Override
    public JobState getState(String jobId) {
        return state.locked(() -> reads.getState(jobId));
    }

    @Override
    public List<Job> getJobs(JobState jobState, long start, long end, boolean ascending) {
        Objects.requireNonNull(jobState, "state");
        return state.locked(() -> reads.getJobs(jobState, start, end, ascending));
    }

    @Override
    public Map<JobState, Long> counts(Set<JobState> states) {
        Objects.requireNonNull(states, "states");
        return state.locked(() -> reads.counts(states));
    }

    @Override
    public List<String> getLogs(String jobId, long start, long end) {
        return state.locked(() -> reads.getLogs(jobId, start, end));
    }

    @Override
    public RemoveResult remove(String jobId) {
        return state.locked(() -> manage.remove(jobId));
    }

    @Override
    public Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer) {
        return state.events.subscribe(after.position(), consumer);
    }

    /** Whether the queue holds anything: jobs, schedulers or settings that a listing should show. */
    boolean isEmpty() {
        return state.locked(() -> state.jobs.isEmpty() && schedulers.isEmpty() && !state.paused);
    }

    /** Every event still in the stream, oldest first: a synchronous view for tests. */
    List<QueueEvent> events() {
        return state.events.snapshot();
    }

    /** Backend close: stops deliveries and releases every waiting worker. */
    void shutdown() {
        state.events.closeAll();
        state.locked(() -> {
            state.closed = true;
            state.markerSet.signalAll();
        });
    }

    @Override
    public String toString() {
        return "InMemoryQueue[" + state.name + "]";
    }
}
