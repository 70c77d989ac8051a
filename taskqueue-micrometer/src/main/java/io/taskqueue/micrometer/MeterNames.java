package io.taskqueue.micrometer;

/**
 * The names and tag keys of the meters {@link TaskQueueMetrics} records, following Micrometer's
 * conventions (dot-separated lower case, base unit seconds); a Prometheus registry shows them as
 * e.g. {@code taskqueue_jobs_completed_total} and {@code taskqueue_job_duration_seconds}.
 */
public final class MeterNames {
    /** Counter: jobs added by this process. Tags: queue, job_name. */
    public static final String JOBS_ADDED = "taskqueue.jobs.added";
    /** Counter: jobs completed by this process's workers. Tags: queue, job_name. */
    public static final String JOBS_COMPLETED = "taskqueue.jobs.completed";
    /**
     * Counter: jobs that failed for good in this process's workers (attempts spent, a category that
     * is not retried, or cancelled). Tags: queue, job_name, outcome ({@code failed} or
     * {@code cancelled}), category ({@code none} when cancelled).
     */
    public static final String JOBS_FAILED = "taskqueue.jobs.failed";
    /** Counter: failed attempts that will run again. Tags: queue, job_name, category. */
    public static final String JOBS_RETRIED = "taskqueue.jobs.retried";
    /** Counter: jobs this process's stall checks recovered from a dead worker (or failed, past the limit). Tags: queue. */
    public static final String JOBS_STALLED = "taskqueue.jobs.stalled";
    /** Counter: attempts whose lock this process lost, their results dropped. Tags: queue, job_name. */
    public static final String JOBS_LOCK_LOST = "taskqueue.jobs.lock.lost";
    /** Timer: how long each attempt ran in the handler. Tags: queue, job_name, outcome. */
    public static final String JOB_DURATION = "taskqueue.job.duration";
    /**
     * Timer: from when a job became ready (added, plus its delay) to its first start, recorded by the
     * process that starts it; retries and runs after a stall are not recorded. Tags: queue, job_name.
     */
    public static final String JOB_WAIT = "taskqueue.job.wait";
    /** Gauge: attempts running now in this process's workers. Tags: queue. */
    public static final String JOBS_ACTIVE = "taskqueue.jobs.active";
    /** Gauge: jobs stored in the queue by state, polled; NaN while the backend does not answer. Tags: queue, state. */
    public static final String QUEUE_JOBS = "taskqueue.queue.jobs";

    /** Tag: the queue's name. */
    public static final String TAG_QUEUE = "queue";
    /** Tag: the job's name (its type); left out when {@link MetricsOptions#jobNameTag()} is false. */
    public static final String TAG_JOB_NAME = "job_name";
    /**
     * Tag: how an attempt ended: {@code completed}, {@code failed}, {@code retried}, {@code cancelled},
     * {@code retry_later}, {@code rate_limited}, {@code handed_back} or {@code lock_lost}.
     */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag: the {@link io.taskqueue.ErrorCategory} name of a failure, or {@code none}. */
    public static final String TAG_CATEGORY = "category";
    /** Tag: a {@link io.taskqueue.JobState}'s wire name, e.g. {@code waiting}, {@code waiting-children}. */
    public static final String TAG_STATE = "state";

    private MeterNames() {
    }
}
