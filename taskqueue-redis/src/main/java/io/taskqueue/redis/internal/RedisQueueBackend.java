package io.taskqueue.redis.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One queue on Redis: the job lifecycle, each step one Lua script (or one plain command where
 * BullMQ uses one) on the backend's shared connection. The work is done by {@link JobAdds},
 * {@link WorkOps}, {@link ReadOps} and {@link JobRemoval}; the optional capabilities are objects of
 * their own on the same keys, found with {@link #capability(Class)}.
 */
public final class RedisQueueBackend implements QueueBackend {
    private final RedisContext ctx;
    private final Keys keys;
    private final JobAdds adds;
    private final WorkOps work;
    private final ReadOps reads;
    private final JobRemoval removal;
    private final QueueMeta meta;
    private final List<Object> capabilities;

    /**
     * The queue of {@code keys}. Nothing is written until an operation that may create the queue
     * writes its meta hash first ({@link QueueMeta}).
     */
    public RedisQueueBackend(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
        this.meta = new QueueMeta(ctx, keys);
        RedisSchedulers schedulers = new RedisSchedulers(ctx, keys, meta);
        RedisGroups groups = new RedisGroups(ctx, keys, meta);
        this.adds = new JobAdds(ctx, keys);
        this.work = new WorkOps(ctx, keys, schedulers);
        this.reads = new ReadOps(ctx, keys);
        this.removal = new JobRemoval(ctx, keys);
        this.capabilities = List.of(new RedisQueueAdmin(ctx, keys, groups, meta), new RedisJobControl(ctx, keys),
                new RedisCheckpoints(ctx, keys), new RedisLimits(ctx, keys, meta), groups,
                new RedisDeduplication(ctx, keys), schedulers, new RedisFlows(ctx, keys, meta),
                new RedisWorkers(ctx, keys));
    }

    @Override
    public String name() {
        return keys.queue();
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
        jobs.forEach(job -> Objects.requireNonNull(job, "job"));
        meta.ensureWritten();
        return adds.add(jobs);
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        // A worker's queue exists from its first fetch, as it did when opening a queue wrote the meta.
        meta.ensureWritten();
        return work.fetch(request);
    }

    @Override
    public Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now) {
        return work.extendLocks(Objects.requireNonNull(tokensByJobId, "tokensByJobId"), durationMillis);
    }

    @Override
    public FetchResult finish(FinishRequest request) {
        return work.finish(Objects.requireNonNull(request, "request"));
    }

    @Override
    public void release(ReleaseRequest request) {
        work.release(Objects.requireNonNull(request, "request"));
    }

    @Override
    public List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        return work.checkStalled(maxStalledCount, intervalMillis, now);
    }

    @Override
    public WorkerChannel openWorkerChannel(String workerName, Consumer<String> onCancelRequested) {
        return new RedisWorkerChannel(ctx, keys, workerName, Objects.requireNonNull(onCancelRequested,
                "onCancelRequested"));
    }

    @Override
    public CancelResult cancel(String jobId, String reason, long now) {
        return removal.cancel(jobId, reason, now);
    }

    @Override
    public boolean updateProgress(String jobId, String progressJson) {
        return reads.updateProgress(jobId, Objects.requireNonNull(progressJson, "progressJson"));
    }

    @Override
    public long addLog(String jobId, String line, Integer keepLogs) {
        return reads.addLog(jobId, Objects.requireNonNull(line, "line"), keepLogs);
    }

    @Override
    public Optional<Job> getJob(String jobId) {
        return reads.getJob(jobId);
    }

    @Override
    public JobState getState(String jobId) {
        return reads.getState(jobId);
    }

    @Override
    public List<Job> getJobs(JobState state, long start, long end, boolean ascending) {
        return reads.getJobs(Objects.requireNonNull(state, "state"), start, end, ascending);
    }

    @Override
    public Map<JobState, Long> counts(Set<JobState> states) {
        return reads.counts(Objects.requireNonNull(states, "states"));
    }

    @Override
    public List<String> getLogs(String jobId, long start, long end) {
        return reads.getLogs(jobId, start, end);
    }

    @Override
    public RemoveResult remove(String jobId) {
        return removal.remove(jobId);
    }

    @Override
    public Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer) {
        return EventStream.start(ctx, keys, Objects.requireNonNull(after, "after"),
                Objects.requireNonNull(consumer, "consumer"));
    }

    @Override
    public String toString() {
        return "RedisQueueBackend[" + keys.qualifiedName() + "]";
    }
}
