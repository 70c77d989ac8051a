package io.taskqueue.postgres.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The tracker's synchronous statements: the atomic duplicate check at enqueue, and the claims. */
public final class TrackerDao {
    /** First key of the per-task enqueue lock (the second is the task id's hash). */
    static final int DEDUP_LOCK_NAMESPACE = 0x74_71_00_02;

    private final Jdbi jdbi;
    private final String lockTask = Sql.of(TrackerDao.class, "lock_task");
    private final String findInFlight = Sql.of(TrackerDao.class, "find_in_flight");
    private final String countDuplicate = Sql.of(TrackerDao.class, "count_duplicate");
    private final String insertQueued = Sql.of(TrackerDao.class, "insert_queued");
    private final String markEnqueueFailed = Sql.of(TrackerDao.class, "mark_enqueue_failed");
    private final String claimExecution = Sql.of(TrackerDao.class, "claim_execution");
    private final String claimAttempt = Sql.of(TrackerDao.class, "claim_attempt");

    public TrackerDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The execution already in flight, when an enqueue turned out to be a duplicate. */
    public record InFlight(UUID executionId, String jobId) {
    }

    /** A new execution to record as queued. */
    public record NewExecution(String taskId, UUID executionId, String queueName, String jobId, String jobName,
            int maxAttempts, String metadataJson, int replays) {
    }

    /**
     * Records {@code execution} as queued unless an execution of the same task is queued or
     * processing and was enqueued after {@code since}; then returns that one (and counts the
     * duplicate on it). The per-task advisory lock makes check-then-insert atomic across producers.
     */
    public Optional<InFlight> insertUnlessInFlight(NewExecution execution, Instant since, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createQuery(lockTask).bind("namespace", DEDUP_LOCK_NAMESPACE).bind("taskId", execution.taskId())
                    .mapTo(Long.class).one();
            Optional<InFlight> existing = h.createQuery(findInFlight).bind("taskId", execution.taskId())
                    .bind("since", Rows.ts(since))
                    .map((rs, ctx) -> new InFlight(rs.getObject("execution_id", UUID.class), rs.getString("job_id")))
                    .findOne();
            if (existing.isPresent()) {
                h.createUpdate(countDuplicate).bind("executionId", existing.get().executionId())
                        .bind("now", Rows.ts(now)).execute();
                return existing;
            }
            h.createUpdate(insertQueued).bindMap(Map.of(
                            "taskId", execution.taskId(), "executionId", execution.executionId(),
                            "queueName", execution.queueName(), "jobId", execution.jobId(),
                            "maxAttempts", execution.maxAttempts(), "replays", execution.replays(),
                            "now", Rows.ts(now)))
                    .bind("jobName", execution.jobName())
                    .bind("metadata", execution.metadataJson())
                    .execute();
            return Optional.<InFlight>empty();
        });
    }

    /** The queue refused the job: frees the task for the next enqueue. */
    public void markEnqueueFailed(UUID executionId, String message, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(markEnqueueFailed).bind("executionId", executionId)
                .bind("errorMessage", message).bind("now", Rows.ts(now)).execute());
    }

    /** The seed's claim: queued or failed → processing; true for exactly one of concurrent callers. */
    public boolean claimExecution(String taskId, UUID executionId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(claimExecution).bind("taskId", taskId)
                .bind("executionId", executionId).bind("now", Rows.ts(now)).mapTo(UUID.class).findOne()
                .isPresent());
    }

    /** A worker's claim of one attempt (see {@code claim_attempt.sql}); empty when refused. */
    public Optional<String> claimAttempt(Map<String, Object> params) {
        return jdbi.withHandle(h -> h.createQuery(claimAttempt).bindMap(params)
                .map((rs, ctx) -> rs.getString("task_id")).findOne());
    }
}
