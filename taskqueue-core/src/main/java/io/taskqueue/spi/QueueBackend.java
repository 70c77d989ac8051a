package io.taskqueue.spi;

import io.taskqueue.EventCursor;
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
 * The job lifecycle of one queue: what every backend implements. Each method is one atomic step
 * (the ordering rules and the events written are in {@code docs/protocol.md}; every backend keeps
 * the same state machine, {@code docs/architecture.md}). Times are the caller's clock in epoch
 * milliseconds, never the store's. Lock-checked steps fail with the exceptions of
 * {@link StatusCodes}. Implementations are thread-safe.
 *
 * <p>Whatever is not universal is an optional capability: an interface of this package that the
 * same object may also implement, found with {@link #capability(Class)} and declared by
 * {@link Backend#capabilities()}.
 */
public interface QueueBackend {
    /** The queue's name. */
    String name();

    /**
     * Adds jobs in order, each atomically (the batch is not); returns their ids. A job whose custom
     * id is taken keeps the existing job and returns its id; a deduplicated add returns the id of
     * the job that owns the deduplication id.
     */
    List<String> add(List<NewJob> jobs);

    /** Makes due delayed jobs ready, then moves the next ready job to active under the request's lock. */
    FetchResult fetch(FetchRequest request);

    /** Renews the locks of {@code tokensByJobId} for {@code durationMillis}; one status per job. */
    Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now);

    /** Completes or fails an active job for good; returns the next job when the request asks for one. */
    FetchResult finish(FinishRequest request);

    /** Puts an active job back: for another attempt, for later without spending one, or handed back. */
    void release(ReleaseRequest request);

    /**
     * The stall check, run at most once per {@code intervalMillis} across all workers of the queue:
     * active jobs whose lock expired go back to waiting, or get a deferred failure once they stalled
     * more than {@code maxStalledCount} times. Returns the ids recovered.
     */
    List<String> checkStalled(int maxStalledCount, long intervalMillis, long now);

    /**
     * Opens a worker's channel: its wake-up line, and the notifications that a running job was
     * asked to cancel ({@code onCancelRequested} gets the job id, best effort; the lock renewal
     * catches what a lost notification misses). The worker closes it.
     */
    WorkerChannel openWorkerChannel(String workerName, Consumer<String> onCancelRequested);

    /** Cancels a job: see {@link CancelResult}. */
    CancelResult cancel(String jobId, String reason, long now);

    /** Stores a job's progress (JSON) and emits a {@code progress} event; false when the job is missing. */
    boolean updateProgress(String jobId, String progressJson);

    /** Appends a log line, trimmed to the last {@code keepLogs} when not null; returns the count. */
    long addLog(String jobId, String line, Integer keepLogs);

    /** A job, or empty when it does not exist. */
    Optional<Job> getJob(String jobId);

    /** A job's state, {@link JobState#UNKNOWN} when it does not exist. */
    JobState getState(String jobId);

    /**
     * Jobs in one state, by position {@code start..end} inclusive (-1 is the last); ascending means
     * oldest first, or lowest score first for delayed and prioritized jobs.
     */
    List<Job> getJobs(JobState state, long start, long end, boolean ascending);

    /** How many jobs are in each of {@code states}. */
    Map<JobState, Long> counts(Set<JobState> states);

    /** A job's log lines {@code start..end} inclusive (-1 is the last). */
    List<String> getLogs(String jobId, long start, long end);

    /** Removes a job and everything stored with it, unless a worker holds its lock. */
    RemoveResult remove(String jobId);

    /**
     * Delivers the events written after {@code after}, in order, on a thread the backend owns, until
     * the subscription is closed. {@link EventCursor#LATEST} is the end of the stream when this call
     * returns: every event written afterwards is delivered. Events carry the names and fields a
     * BullMQ reader expects; the core contracts read {@code added}, {@code waiting} ({@code prev}),
     * {@code active}, {@code progress} ({@code data}), {@code completed} ({@code returnvalue},
     * {@code prev}), {@code failed} ({@code failedReason}), {@code delayed} ({@code delay}: the due
     * time), {@code retries-exhausted}, {@code stalled} and {@code removed}, each with {@code jobId}.
     */
    Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer);

    /**
     * This queue's implementation of capability interface {@code type}, or empty. Decorators that
     * wrap a queue backend forward this call.
     */
    default <C> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
