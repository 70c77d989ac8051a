package io.taskqueue.postgres;

import io.taskqueue.JobOptions;
import io.taskqueue.Queue;
import io.taskqueue.postgres.ReplayResult.Action;
import io.taskqueue.postgres.ReplayResult.Entry;
import io.taskqueue.postgres.internal.DeadLetterDao;
import io.taskqueue.postgres.internal.Enqueuer;
import io.taskqueue.postgres.internal.Json;
import io.taskqueue.postgres.internal.TrackerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The durable dead-letter queue: executions whose job failed for good ({@code dlq}), kept in Postgres
 * with their payload, category, last error and attempt history, apart from the queue's own storage.
 *
 * <p>A replay is a new execution of the same task, added back on its queue (found through the
 * {@code queues} function, e.g. {@code name -> Queue.open(backend, name)}) with the payload it
 * failed with; the dead letter becomes {@code archived} and points at it. Replays go through the
 * same duplicate check as {@link TaskTracker#enqueue}, so a task already in flight is skipped.
 * Bulk replays take a dry run that reports without changing anything. Operator calls: they throw
 * {@link TrackerException} when the database is away.
 */
public final class DeadLetters {
    /** Default page size of listings: 50, as the seed's DLQ API. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final int SCAN_PAGE = 200;

    private final TrackerRuntime runtime;
    private final TaskTrackerOptions options;
    private final DeadLetterDao dao;

    DeadLetters(TrackerRuntime runtime, TaskTrackerOptions options) {
        this.runtime = runtime;
        this.options = options;
        this.dao = new DeadLetterDao(runtime.jdbi());
    }

    /** How many dead letters match. */
    public long count(DeadLetterFilter filter) {
        return TaskTracker.query(() -> dao.count(filter));
    }

    /** A page of matching dead letters after {@code after} ({@code null}: from the first). Reads only. */
    public DeadLetterPage list(DeadLetterFilter filter, DeadLetterPage.Cursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        List<DeadLetterDao.Row> rows = TaskTracker.query(() -> dao.list(filter,
                after == null ? null : after.failedAt(), after == null ? null : after.id(), 0, limit));
        DeadLetterDao.Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new DeadLetterPage(withHistory(rows), rows.size() < limit ? null
                : new DeadLetterPage.Cursor(last.execution().failedAt(), last.execution().id()));
    }

    /** The dead letters at 0-based positions {@code start..end} (inclusive) of the filtered listing. */
    public List<DeadLetter> range(DeadLetterFilter filter, long start, long end) {
        checkRange(start, end);
        return withHistory(TaskTracker.query(() -> dao.list(filter, null, null, start, size(start, end))));
    }

    /** One dead letter (archived ones too) with its history. */
    public Optional<DeadLetter> inspect(UUID executionId) {
        return TaskTracker.query(() -> dao.find(executionId)).map(row -> withHistory(List.of(row)).get(0));
    }

    /** Replays one dead letter now. */
    public ReplayResult replay(UUID executionId, Function<String, Queue> queues) {
        Optional<DeadLetter> letter = inspect(executionId);
        if (letter.isEmpty() || letter.get().execution().status() != TaskStatus.DLQ) {
            return new ReplayResult(false, List.of(new Entry(executionId, letter.map(l -> l.execution().taskId())
                    .orElse(null), Action.SKIPPED, null, null, "not in the dead-letter queue")));
        }
        return new ReplayResult(false, List.of(replayOne(letter.get(), queues, Duration.ZERO, false, "replayed")));
    }

    /** Replays the dead letters at positions {@code start..end} (0-based, inclusive) of the listing. */
    public ReplayResult replayRange(DeadLetterFilter filter, long start, long end, Function<String, Queue> queues,
            boolean dryRun) {
        List<Entry> entries = new ArrayList<>();
        for (DeadLetter letter : range(filter.withArchived(false), start, end)) {
            entries.add(replayOne(letter, queues, Duration.ZERO, dryRun, "replayed (range)"));
        }
        return new ReplayResult(dryRun, entries);
    }

    /** Replays up to {@code max} matching dead letters, oldest first. */
    public ReplayResult replayAll(DeadLetterFilter filter, int max, Function<String, Queue> queues, boolean dryRun) {
        List<Entry> entries = new ArrayList<>();
        for (DeadLetter letter : range(filter.withArchived(false), 0, Math.max(0, max - 1L))) {
            entries.add(replayOne(letter, queues, Duration.ZERO, dryRun, "replayed (all matching)"));
        }
        return new ReplayResult(dryRun, max < 1 ? List.of() : entries);
    }

    /** Moves a dead letter to {@code archived} without a replay; false if it is not in the queue. */
    public boolean archive(UUID executionId) {
        return TaskTracker.query(() -> dao.take(executionId, null, now())).isPresent();
    }

    /** Deletes archived entries archived more than {@code olderThan} ago (the seed clears after 7 days). */
    public int purgeArchived(Duration olderThan) {
        return TaskTracker.query(() -> dao.purge(now().minus(olderThan)));
    }

    /**
     * Applies the {@link DeadLetterPolicy} of {@link TaskTrackerOptions#deadLetterPolicy()} to every
     * matching dead letter (the seed's DLQ handler; run it on a schedule). With {@code dryRun} it
     * only reports what it would do.
     */
    public ReplayResult applyPolicies(DeadLetterFilter filter, Function<String, Queue> queues, boolean dryRun) {
        DeadLetterPolicy policy = options.deadLetterPolicy();
        Instant now = now();
        List<Entry> entries = new ArrayList<>();
        DeadLetterPage.Cursor cursor = null;
        do {
            DeadLetterPage page = list(filter.withArchived(false), cursor, SCAN_PAGE);
            for (DeadLetter letter : page.items()) {
                entries.add(applyPolicy(policy, letter, queues, now, dryRun));
            }
            cursor = page.next();
        } while (cursor != null);
        return new ReplayResult(dryRun, entries);
    }

    private Entry applyPolicy(DeadLetterPolicy policy, DeadLetter letter, Function<String, Queue> queues,
            Instant now, boolean dryRun) {
        TaskExecution e = letter.execution();
        TaskErrorCategory category = e.errorCategory() == null ? TaskErrorCategory.UNKNOWN : e.errorCategory();
        if (e.replays() >= policy.maxAutoReplays() && category != TaskErrorCategory.VALIDATION) {
            return kept(e, "replayed " + e.replays() + " times already; left for review");
        }
        switch (category) {
            case TRANSIENT:
                if (e.failedAt() != null && e.failedAt().plus(policy.transientWindow()).isAfter(now)) {
                    return replayOne(letter, queues, Duration.ZERO, dryRun, "transient, within the retry window");
                }
                return kept(e, "transient, but failed more than " + policy.transientWindow() + " ago");
            case VALIDATION:
                if (!dryRun && dao.take(e.executionId(), null, now).isEmpty()) {
                    return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null, "taken by another call");
                }
                return new Entry(e.executionId(), e.taskId(), Action.ARCHIVED, null, null,
                        "validation: replaying the same input cannot help");
            case INFRASTRUCTURE:
                return replayOne(letter, queues, policy.infrastructureDelay(e.replays()), dryRun,
                        "infrastructure, exponential backoff");
            case PARTNER_API:
                return replayOne(letter, queues, policy.partnerApiDelay(), dryRun, "partner_api, longer delay");
            default:
                return kept(e, category.wireName() + ": kept for manual review");
        }
    }

    private Entry replayOne(DeadLetter letter, Function<String, Queue> queues, Duration delay, boolean dryRun,
            String reason) {
        TaskExecution e = letter.execution();
        if (dryRun) {
            return new Entry(e.executionId(), e.taskId(), Action.REPLAYED, null, delay, reason + " (dry run)");
        }
        Queue queue = queues.apply(e.queueName());
        if (queue == null || e.jobName() == null || letter.payloadJson() == null) {
            return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null,
                    queue == null ? "no queue named " + e.queueName() : "the job's name or payload was not recorded");
        }
        UUID newExecution = UUID.randomUUID();
        if (TaskTracker.query(() -> dao.take(e.executionId(), newExecution, now())).isEmpty()) {
            return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null, "taken by another call");
        }
        JobOptions jobOptions = JobOptions.builder().attempts(e.maxAttempts() == null ? 1 : e.maxAttempts())
                .delay(delay).jobId(newExecution.toString()).build();
        try {
            EnqueueResult r = runtime.enqueuer().enqueue(new Enqueuer.Request(queue, e.taskId(), e.jobName(),
                    Json.tree(letter.payloadJson()), jobOptions, Map.of("replayOf", e.executionId().toString()),
                    e.replays() + 1, newExecution), false);
            if (!r.enqueued()) {
                dao.restore(e.executionId(), now());
                return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null,
                        "task already in flight as " + r.executionId());
            }
            return new Entry(e.executionId(), e.taskId(), Action.REPLAYED, newExecution, delay, reason);
        } catch (RuntimeException failure) {
            dao.restore(e.executionId(), now());
            return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null,
                    "enqueue failed: " + failure.getMessage());
        }
    }

    private List<DeadLetter> withHistory(List<DeadLetterDao.Row> rows) {
        Set<String> taskIds = new LinkedHashSet<>();
        rows.forEach(r -> taskIds.add(r.execution().taskId()));
        Map<String, List<TaskExecution>> chains = TaskTracker.query(() -> dao.chains(taskIds));
        List<DeadLetter> letters = new ArrayList<>(rows.size());
        for (DeadLetterDao.Row r : rows) {
            letters.add(new DeadLetter(r.execution(), r.payloadJson(),
                    chains.getOrDefault(r.execution().taskId(), List.of())));
        }
        return letters;
    }

    private static Entry kept(TaskExecution e, String reason) {
        return new Entry(e.executionId(), e.taskId(), Action.KEPT, null, null, reason);
    }

    private static void checkRange(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("need 0 <= start <= end: " + start + ".." + end);
        }
    }

    private static int size(long start, long end) {
        return (int) Math.min(Integer.MAX_VALUE, end - start + 1);
    }

    private Instant now() {
        return options.clock().instant();
    }
}
