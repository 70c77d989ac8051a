package io.taskqueue.postgres;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.postgres.internal.OperatorCalls;
import io.taskqueue.postgres.internal.TrackerQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The read side of the tracker: retry chains, statistics, stuck and orphaned executions. Works the
 * same on an installed and a {@linkplain TaskTracker#standalone standalone} tracker. Operator calls:
 * they read the database directly and throw {@link TrackerException} when it is away.
 */
public final class TaskHistory {
    /** Rows read per round when reconciling, so a large queue is never read at once. */
    private static final int RECONCILE_PAGE = 500;

    private final TrackerQueries queries;
    private final Clock clock;
    private final LongSupplier claimsRefused;

    TaskHistory(TrackerQueries queries, Clock clock, LongSupplier claimsRefused) {
        this.queries = queries;
        this.clock = clock;
        this.claimsRefused = claimsRefused;
    }

    /** Every execution of {@code taskId}, oldest first (retries and replays included). */
    public List<TaskExecution> retryChain(String taskId) {
        return OperatorCalls.run(() -> queries.retryChain(taskId));
    }

    /** One execution. */
    public Optional<TaskExecution> execution(UUID executionId) {
        return OperatorCalls.run(() -> queries.find(executionId));
    }

    /** How many executions of {@code queueName} are in each status (absent statuses are 0). */
    public Map<TaskStatus, Long> queueStats(String queueName) {
        Map<TaskStatus, Long> stats = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            stats.put(s, 0L);
        }
        OperatorCalls.run(() -> queries.statusCounts(queueName))
                .forEach((k, v) -> stats.put(TaskStatus.fromWireName(k), v));
        return stats;
    }

    /**
     * Failed and dead executions by category name, for one queue or ({@code null}) all, sorted by
     * name; executions without a category count as {@code unknown}.
     */
    public Map<String, Long> failuresByCategory(String queueName) {
        return new TreeMap<>(OperatorCalls.run(() -> queries.categoryCounts(queueName)));
    }

    /** How much duplicate work was kept out, for one queue or ({@code null}) all. */
    public DuplicateStats duplicates(String queueName) {
        return OperatorCalls.run(() -> new DuplicateStats(queries.duplicatesPrevented(queueName),
                queries.tasksWithSeveralExecutions(queueName), claimsRefused.getAsLong()));
    }

    /** Executions processing for longer than {@code threshold}, longest first, at most {@code limit}. */
    public List<TaskExecution> stuck(Duration threshold, int limit) {
        Instant before = clock.instant().minus(threshold);
        return OperatorCalls.run(() -> queries.stuck(before, limit));
    }

    /**
     * Executions of {@code queue} the tracker believes are processing (claimed more than
     * {@code grace} ago, so outcomes still in the write buffer are not reported) while the queue does
     * not hold the job as active.
     */
    public List<Orphan> reconcile(JobQueue queue, Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        List<Orphan> orphans = new ArrayList<>();
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<TaskExecution> page = OperatorCalls.run(() -> queries.processingInQueue(queue.name(), from,
                    RECONCILE_PAGE));
            for (TaskExecution e : page) {
                if (e.processingStartedAt() != null && e.processingStartedAt().isAfter(cutoff)) {
                    continue;
                }
                JobState state = queue.getState(e.jobId());
                if (state != JobState.ACTIVE) {
                    orphans.add(new Orphan(e, state));
                }
            }
            if (page.size() < RECONCILE_PAGE) {
                return orphans;
            }
            afterId = page.get(page.size() - 1).id();
        }
    }
}
