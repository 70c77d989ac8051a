package io.taskqueue.testing.simple;

import io.taskqueue.BackendException;
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
import io.taskqueue.spi.StatusCodes;
import io.taskqueue.spi.WorkerChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One queue of the {@link SimpleBackend}: the core SPI, each call one step under the queue's single
 * lock. The state changes are in {@link Lifecycle}; this class adds the lock and the reads; the
 * worker channels and event subscriptions it hands out are kept by {@link QueueHandles}.
 */
final class SimpleQueue implements QueueBackend {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final QueueState state = new QueueState();
    private final EventJournal events = new EventJournal();
    private final QueueHandles handles;
    private final Lifecycle lifecycle;
    private volatile boolean closed;

    SimpleQueue(String name, Clock clock, ThreadFactory readerThreads, Executor notifier) {
        this.name = name;
        this.handles = new QueueHandles(events, readerThreads, notifier);
        this.lifecycle = new Lifecycle(state, new JobLocks(clock), events, handles, clock);
    }

    @Override
    public String name() {
        return name;
    }

    // ---- the lifecycle, one locked step each ----

    @Override
    public List<String> add(List<NewJob> jobs) {
        List<String> ids = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            // Each add is its own step: the batch is not atomic, as the SPI allows.
            ids.add(locked(() -> lifecycle.add(job)));
        }
        return ids;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        return locked(() -> lifecycle.fetch(request));
    }

    @Override
    public Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now) {
        return locked(() -> {
            Map<String, LockStatus> statuses = new LinkedHashMap<>();
            tokensByJobId.forEach((jobId, token) -> statuses.put(jobId,
                    lifecycle.extendLock(jobId, token, durationMillis)));
            return statuses;
        });
    }

    @Override
    public FetchResult finish(FinishRequest request) {
        return locked(() -> lifecycle.finish(request));
    }

    @Override
    public void release(ReleaseRequest request) {
        locked(() -> {
            lifecycle.release(request);
            return null;
        });
    }

    @Override
    public List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        return locked(() -> lifecycle.checkStalled(maxStalledCount, intervalMillis, now));
    }

    @Override
    public CancelResult cancel(String jobId, String reason, long now) {
        return locked(() -> lifecycle.cancel(jobId, reason, now));
    }

    @Override
    public RemoveResult remove(String jobId) {
        return locked(() -> lifecycle.remove(jobId));
    }

    @Override
    public boolean updateProgress(String jobId, String progressJson) {
        return locked(() -> {
            StoredJob job = state.get(jobId);
            if (job == null) {
                return false;
            }
            job.progressJson = progressJson;
            events.append("progress", "jobId", jobId, "data", progressJson);
            return true;
        });
    }

    @Override
    public long addLog(String jobId, String line, Integer keepLogs) {
        return locked(() -> {
            StoredJob job = state.get(jobId);
            if (job == null) {
                throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, "addLog");
            }
            job.logs.add(line);
            if (keepLogs != null && job.logs.size() > keepLogs) {
                job.logs.subList(0, job.logs.size() - keepLogs).clear();
            }
            return (long) job.logs.size();
        });
    }

    // ---- reads ----

    @Override
    public Optional<Job> getJob(String jobId) {
        return locked(() -> Optional.ofNullable(state.get(jobId)).map(StoredJob::snapshot));
    }

    @Override
    public JobState getState(String jobId) {
        return locked(() -> {
            StoredJob job = state.get(jobId);
            return job == null ? JobState.UNKNOWN : job.state;
        });
    }

    @Override
    public List<Job> getJobs(JobState jobState, long start, long end, boolean ascending) {
        return locked(() -> Ranges.slice(state.ids(jobState, ascending), start, end).stream()
                .map(id -> state.get(id).snapshot()).toList());
    }

    @Override
    public Map<JobState, Long> counts(Set<JobState> states) {
        return locked(() -> {
            Map<JobState, Long> counts = new EnumMap<>(JobState.class);
            states.forEach(s -> counts.put(s, state.count(s)));
            return counts;
        });
    }

    @Override
    public List<String> getLogs(String jobId, long start, long end) {
        return locked(() -> {
            StoredJob job = state.get(jobId);
            return job == null ? List.of() : Ranges.slice(job.logs, start, end);
        });
    }

    /** Whether the queue holds any job or has written any event. */
    boolean holdsAnything() {
        return locked(() -> !state.isEmpty() || !events.isEmpty());
    }

    // ---- handles: worker channels and event subscriptions ----

    @Override
    public WorkerChannel openWorkerChannel(String workerName, Consumer<String> onCancelRequested) {
        ensureOpen();
        return handles.openChannel(onCancelRequested);
    }

    @Override
    public Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer) {
        ensureOpen();
        return handles.subscribe(after, consumer);
    }

    /** Ends every wait and delivery this queue started; later calls fail. */
    void close() {
        closed = true;
        handles.closeAll();
    }

    private <T> T locked(Supplier<T> step) {
        ensureOpen();
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BackendException("the simple backend holding queue '" + name + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "SimpleQueue[" + name + "]";
    }
}
