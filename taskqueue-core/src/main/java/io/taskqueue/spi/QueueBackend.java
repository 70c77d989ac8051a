package io.taskqueue.spi;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The atomic operations on one queue. Every method is one atomic unit of BullMQ's protocol (one Lua
 * script on Redis), keeps the protocol's ordering rules (§4) and writes the events of §6. Times are
 * the caller's clock in epoch milliseconds, never the datastore's. Lock-checked operations fail with
 * the exceptions of {@link StatusCodes}. Implementations are thread-safe.
 */
public interface QueueBackend {
    /** The queue's name. */
    String name();

    // ---- producing ----

    /** Adds a job; returns its id, or the existing id when the custom id is taken (nothing changes). */
    String add(NewJob job);

    /** Adds jobs one by one (each atomic, the batch not), in order; returns their ids. */
    List<String> addBulk(List<NewJob> jobs);

    // ---- working ----

    /** Promotes due delayed jobs, then moves the next job to active under the request's lock. */
    FetchResult fetch(FetchRequest request);

    /** Opens a worker's wake-up channel; the worker closes it. */
    WorkerChannel openWorkerChannel(String workerName);

    /** Renews the locks of {@code tokensByJobId} for {@code durationMillis}; one status per job. */
    Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now);

    /** Completes or fails an active job for good; returns the next job when one was asked for. */
    FetchResult finish(FinishRequest request);

    /** Puts an active job back for another attempt, at once or after a delay. */
    void retry(RetryRequest request);

    /**
     * Hands an active job back to the front of the queue without spending an attempt (used by a
     * closing worker); the lock is released.
     */
    void handBack(String jobId, String token, long now);

    /**
     * The stall check (protocol §5.9), at most once per {@code intervalMillis} across all workers:
     * returns the ids recovered to wait (those past {@code maxStalledCount} carry a deferred failure).
     */
    List<String> checkStalled(int maxStalledCount, long intervalMillis, long now);

    /** Notifies {@code onJobId} when a cancel is requested for an active job, best effort. */
    Subscription onCancelRequested(Consumer<String> onJobId);

    // ---- job data during a run ----

    /** Stores progress JSON and emits a {@code progress} event; false when the job is missing. */
    boolean updateProgress(String jobId, String progressJson);

    /** Appends a log line, trimmed to the last {@code keepLogs} when not null; returns the count. */
    long addLog(String jobId, String line, Integer keepLogs);

    /** Saves a checkpoint; it lives with the job and is removed with it. */
    void saveCheckpoint(String jobId, String key, String json);

    /** All checkpoints of a job, key to JSON text. */
    Map<String, String> checkpoints(String jobId);

    // ---- reads ----

    Optional<Job> getJob(String jobId);

    JobState getState(String jobId);

    /**
     * Jobs in one state, by position {@code start..end} inclusive (-1 is the last); ascending means
     * oldest first for lists and lowest score first for sorted sets.
     */
    List<Job> getJobs(JobState state, long start, long end, boolean ascending);

    Map<JobState, Long> counts(Set<JobState> states);

    List<String> getLogs(String jobId, long start, long end);

    // ---- managing ----

    void pause();

    void resume();

    boolean isPaused();

    RemoveResult remove(String jobId);

    /** Moves a finished job in {@code from} back to wait (a manual retry). False when not there. */
    boolean retryJob(String jobId, JobState from, long now);

    /** Moves a delayed job to wait now. False when it is not delayed. */
    boolean promote(String jobId, long now);

    /** Re-schedules a delayed job {@code delayMillis} after now. False when it is not delayed. */
    boolean changeDelay(String jobId, long delayMillis, long now);

    /** Changes a job's priority; re-orders it when it is waiting. */
    boolean changePriority(String jobId, int priority, boolean lifo);

    /** Removes up to {@code limit} jobs in {@code state} older than {@code now - graceMillis}. */
    List<String> clean(long graceMillis, int limit, JobState state, long now);

    /** Removes all waiting and prioritized jobs, and delayed ones when asked. */
    void drain(boolean includeDelayed);

    /** Deletes the queue and all its jobs; the queue must be paused first and, unless forced, idle. */
    void obliterate(boolean force);

    /** Cancels a job: see {@link CancelResult}. */
    CancelResult cancel(String jobId, String reason, long now);

    // ---- events ----

    /**
     * Delivers events written after stream id {@code afterId} ({@code "$"}: from now on, {@code "0"}:
     * from the start) on a thread the backend owns, in order, until the subscription is closed.
     */
    Subscription subscribe(String afterId, Consumer<QueueEvent> consumer);

    // ---- limits (issue 5) ----

    /** Sets the queue's global concurrency (meta {@code concurrency}), or removes it when null. */
    void setGlobalConcurrency(Integer concurrency);

    /** The global concurrency, or {@code null} when none is set. */
    Integer globalConcurrency();

    /** Sets the queue's global rate limit (meta {@code max}, {@code duration}), or removes it when null. */
    void setGlobalRateLimit(io.taskqueue.RateLimit limit);

    /** The global rate limit, or {@code null} when none is set. */
    io.taskqueue.RateLimit globalRateLimit();

    /**
     * Rate-limits the queue for {@code ttlMillis} from now (BullMQ's manual {@code rateLimit}: the
     * limiter counter set to 2^53-1 with that expiry). Honoured by fetches that know a maximum.
     */
    void rateLimit(long ttlMillis);

    /**
     * How long the queue stays rate limited, in ms (0: not limited): with {@code maxJobs} as a fetch
     * would decide it; without, against the global {@code max}, or the limiter's expiry when none.
     */
    long rateLimitTtl(Integer maxJobs);

    /** Deletes the rate limiter's counter, ending the current window. */
    void removeRateLimitKey();

    /** Per-minute metrics of {@code type}, data points {@code start..end} (inclusive, newest first). */
    io.taskqueue.Metrics getMetrics(io.taskqueue.Metrics.Type type, long start, long end);

    /** The id of the job that owns deduplication id {@code dedupId}, or {@code null}. */
    String deduplicationOwner(String dedupId);

    /** Deletes deduplication id {@code dedupId} (and a stored next job); true when it existed. */
    boolean removeDeduplicationKey(String dedupId);

    /**
     * Sets the concurrency of job group {@code group} (how many of its jobs may be active at once),
     * or removes it when {@code concurrency} is null; a {@code null} group sets the default of every
     * group without a setting of its own.
     */
    void setGroupConcurrency(String group, Integer concurrency);

    /** The concurrency set for {@code group} ({@code null}: the default), or {@code null} when none. */
    Integer groupConcurrency(String group);

    /**
     * Sets the rate limit of job group {@code group} (a fixed window opened at the group's first
     * start, as BullMQ's limiter), or removes it when {@code limit} is null; a {@code null} group sets
     * the default of every group without a setting of its own.
     */
    void setGroupRateLimit(String group, io.taskqueue.RateLimit limit);

    /** The rate limit set for {@code group} ({@code null}: the default), or {@code null} when none. */
    io.taskqueue.RateLimit groupRateLimit(String group);

    /** How many jobs wait in {@code group}'s own queue (not yet released to {@code wait}). */
    long groupWaitingCount(String group);

    /** The groups that have jobs waiting in their own queue, in no particular order. */
    List<String> waitingGroups();

    // ---- schedulers and flows (issue 5) ----
    // Default methods, so that a backend without these features still compiles and says so.

    /**
     * Creates or replaces job scheduler {@code schedulerId} (protocol §5.15) and its current job;
     * {@code template} gives the jobs' name, data and options, and its timestamp is "now". Returns
     * the id of the current job ({@code repeat:<schedulerId>:<millis>}), or {@code null} when the
     * schedule has nothing left to produce (an end date already past).
     */
    default String upsertJobScheduler(String schedulerId, io.taskqueue.SchedulerSpec spec, NewJob template) {
        throw new UnsupportedOperationException("job schedulers are not supported by " + getClass().getName());
    }

    /** Removes a job scheduler and its delayed current job; false when it did not exist. */
    default boolean removeJobScheduler(String schedulerId) {
        throw new UnsupportedOperationException("job schedulers are not supported by " + getClass().getName());
    }

    /** Every job scheduler of the queue, the soonest due first. */
    default List<io.taskqueue.JobScheduler> getJobSchedulers() {
        throw new UnsupportedOperationException("job schedulers are not supported by " + getClass().getName());
    }

    /**
     * The results of a flow parent's completed children, child key ({@code P:Q:id} on Redis,
     * {@code Q:id} in memory) to result JSON (protocol §5.18, the parent's {@code :processed}).
     */
    default Map<String, String> getChildrenValues(String jobId) {
        throw new UnsupportedOperationException("flows are not supported by " + getClass().getName());
    }

    /** The failure reasons of a flow parent's children that failed with ignore/continue policies. */
    default Map<String, String> getIgnoredChildrenFailures(String jobId) {
        throw new UnsupportedOperationException("flows are not supported by " + getClass().getName());
    }
}
