package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TrackerCategories;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The tracker's synchronous statements: the atomic duplicate check at enqueue, and the claims. */
public final class TrackerDao {
    /** First key of the per-task enqueue lock (the second is the task id's hash). */
    static final int DEDUP_LOCK_NAMESPACE = 0x74_71_00_02;

    private final Jdbi jdbi;
    private final String lockTask;
    private final String findInFlight;
    private final String countDuplicate;
    private final String insertQueued;
    private final String markEnqueueFailed;
    private final String claimExecution;
    private final String claimAttempts;

    public TrackerDao(Jdbi jdbi, Sql sql) {
        this.jdbi = jdbi;
        this.lockTask = sql.of(TrackerDao.class, "lock_task");
        this.findInFlight = sql.of(TrackerDao.class, "find_in_flight");
        this.countDuplicate = sql.of(TrackerDao.class, "count_duplicate");
        this.insertQueued = sql.of(TrackerDao.class, "insert_queued");
        this.markEnqueueFailed = sql.of(TrackerDao.class, "mark_enqueue_failed");
        this.claimExecution = sql.of(TrackerDao.class, "claim_execution");
        this.claimAttempts = sql.of(TrackerDao.class, "claim_attempts");
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
                .bind("errorMessage", message).bind("errorCategory", TrackerCategories.ENQUEUE_FAILED)
                .bind("now", Rows.ts(now)).execute());
    }

    /** A claim by hand: queued or failed → processing; true for exactly one of concurrent callers. */
    public boolean claimExecution(String taskId, UUID executionId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(claimExecution).bind("taskId", taskId)
                .bind("executionId", executionId).bind("now", Rows.ts(now)).mapTo(UUID.class).findOne()
                .isPresent());
    }

    /** A worker's claim of one attempt (see {@code claim_attempts.sql}): the task id, empty when refused. */
    public Optional<String> claimAttempt(ClaimRequest claim) {
        return Optional.ofNullable(claimAttempts(List.of(claim)).get(claim.key()));
    }

    /**
     * Claims of several attempts in one statement, each decided as if it ran alone (see
     * {@code claim_attempts.sql}): the task ids of the winners by key; a key that is absent was
     * refused. The claims must be of distinct jobs.
     */
    public Map<ClaimRequest.Key, String> claimAttempts(List<ClaimRequest> claims) {
        int n = claims.size();
        String[] taskIds = new String[n];
        UUID[] executionIds = new UUID[n];
        String[] queueNames = new String[n];
        String[] jobIds = new String[n];
        String[] jobNames = new String[n];
        Integer[] attempts = new Integer[n];
        Integer[] maxAttempts = new Integer[n];
        Integer[] fetchNos = new Integer[n];
        Long[] enqueuedUs = new Long[n];
        Integer[] retryCounts = new Integer[n];
        Long[] nowUs = new Long[n];
        for (int i = 0; i < n; i++) {
            ClaimRequest c = claims.get(i);
            taskIds[i] = c.taskId();
            executionIds[i] = c.executionId();
            queueNames[i] = c.queueName();
            jobIds[i] = c.jobId();
            jobNames[i] = c.jobName();
            attempts[i] = c.attempt();
            maxAttempts[i] = c.maxAttempts();
            fetchNos[i] = c.fetchNo();
            enqueuedUs[i] = Rows.micros(c.enqueuedAt());
            retryCounts[i] = c.retryCount();
            nowUs[i] = Rows.micros(c.now());
        }
        return jdbi.withHandle(h -> {
            Map<ClaimRequest.Key, String> won = new HashMap<>();
            h.createQuery(claimAttempts)
                    .bind("taskIds", taskIds).bind("executionIds", executionIds).bind("queueNames", queueNames)
                    .bind("jobIds", jobIds).bind("jobNames", jobNames).bind("attempts", attempts)
                    .bind("maxAttempts", maxAttempts).bind("fetchNos", fetchNos).bind("enqueuedUs", enqueuedUs)
                    .bind("retryCounts", retryCounts).bind("nowUs", nowUs)
                    .map((rs, ctx) -> {
                        won.put(new ClaimRequest.Key(rs.getString(1), rs.getString(2), rs.getInt(3)),
                                rs.getString(4));
                        return Boolean.TRUE;
                    })
                    .forEach(x -> { });
            return won;
        });
    }
}
