package io.taskqueue.postgres;

import io.taskqueue.ErrorCategory;
import io.taskqueue.postgres.ReplayResult.Action;
import io.taskqueue.postgres.ReplayResult.Entry;
import io.taskqueue.postgres.internal.DeadLetterDao;
import io.taskqueue.postgres.internal.OperatorCalls;
import io.taskqueue.postgres.internal.Replayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The durable dead-letter queue: executions whose job failed for good ({@code dlq}), kept in Postgres
 * with their payload, category, last error and attempt history, apart from the queue's own storage.
 *
 * <p>A replay is a new execution of the same task, added back on its queue through the task queue
 * the tracker is installed on, with the payload it failed with; the dead letter becomes
 * {@code archived} and points at it. Replays go through the same duplicate check as
 * {@link TaskTracker#enqueue}, so a task already in flight is skipped. Bulk replays take a dry run
 * that reports without changing anything. A {@linkplain TaskTracker#standalone standalone} tracker
 * lists, inspects, archives, purges and dry-runs, but cannot replay: it has no task queue. Operator
 * calls: they throw {@link TrackerException} when the database is away.
 */
public final class DeadLetters {
    /** Default page size of listings: 50. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final int SCAN_PAGE = 200;

    private final DeadLetterDao dao;
    private final DeadLetterPolicy policy;
    private final Clock clock;
    private final Replayer replayer;

    /** {@code replayer} is {@code null} for a standalone tracker. */
    DeadLetters(DeadLetterDao dao, DeadLetterPolicy policy, Clock clock, Replayer replayer) {
        this.dao = dao;
        this.policy = policy;
        this.clock = clock;
        this.replayer = replayer;
    }

    /** How many dead letters match. */
    public long count(DeadLetterFilter filter) {
        return OperatorCalls.run(() -> dao.count(filter));
    }

    /** A page of matching dead letters after {@code after} ({@code null}: from the first). Reads only. */
    public DeadLetterPage list(DeadLetterFilter filter, DeadLetterPage.Cursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        List<DeadLetterDao.Row> rows = OperatorCalls.run(() -> dao.list(filter,
                after == null ? null : after.failedAt(), after == null ? null : after.id(), 0, limit));
        DeadLetterDao.Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new DeadLetterPage(withHistory(rows), rows.size() < limit ? null
                : new DeadLetterPage.Cursor(last.execution().failedAt(), last.execution().id()));
    }

    /** The dead letters at 0-based positions {@code start..end} (inclusive) of the filtered listing. */
    public List<DeadLetter> range(DeadLetterFilter filter, long start, long end) {
        checkRange(start, end);
        return withHistory(OperatorCalls.run(() -> dao.list(filter, null, null, start, size(start, end))));
    }

    /** One dead letter (archived ones too) with its history. */
    public Optional<DeadLetter> inspect(UUID executionId) {
        return OperatorCalls.run(() -> dao.find(executionId)).map(row -> withHistory(List.of(row)).get(0));
    }

    /** Replays one dead letter now. */
    public ReplayResult replay(UUID executionId) {
        requireReplays(false);
        Optional<DeadLetter> letter = inspect(executionId);
        if (letter.isEmpty() || letter.get().execution().status() != TaskStatus.DLQ) {
            return new ReplayResult(false, List.of(new Entry(executionId, letter.map(l -> l.execution().taskId())
                    .orElse(null), Action.SKIPPED, null, null, "not in the dead-letter queue")));
        }
        return new ReplayResult(false, List.of(replayOne(letter.get(), Duration.ZERO, false, "replayed")));
    }

    /** Replays the dead letters at positions {@code start..end} (0-based, inclusive) of the listing. */
    public ReplayResult replayRange(DeadLetterFilter filter, long start, long end, boolean dryRun) {
        requireReplays(dryRun);
        List<Entry> entries = new ArrayList<>();
        for (DeadLetter letter : range(filter.withArchived(false), start, end)) {
            entries.add(replayOne(letter, Duration.ZERO, dryRun, "replayed (range)"));
        }
        return new ReplayResult(dryRun, entries);
    }

    /** Replays up to {@code max} matching dead letters, oldest first. */
    public ReplayResult replayAll(DeadLetterFilter filter, int max, boolean dryRun) {
        requireReplays(dryRun);
        List<Entry> entries = new ArrayList<>();
        for (DeadLetter letter : range(filter.withArchived(false), 0, Math.max(0, max - 1L))) {
            entries.add(replayOne(letter, Duration.ZERO, dryRun, "replayed (all matching)"));
        }
        return new ReplayResult(dryRun, max < 1 ? List.of() : entries);
    }

    /** Moves a dead letter to {@code archived} without a replay; false if it is not in the queue. */
    public boolean archive(UUID executionId) {
        return OperatorCalls.run(() -> dao.take(executionId, null, now())).isPresent();
    }

    /** Deletes archived entries archived more than {@code olderThan} ago (e.g. a week). */
    public int purgeArchived(Duration olderThan) {
        return OperatorCalls.run(() -> dao.purge(now().minus(olderThan)));
    }

    /**
     * Applies the {@link DeadLetterPolicy} of {@link TaskTrackerOptions#deadLetterPolicy()} to every
     * matching dead letter, by the name of its category (run it on a schedule, e.g. every few hours).
     * With {@code dryRun} it only reports what it would do, and needs no task queue.
     */
    public ReplayResult applyPolicies(DeadLetterFilter filter, boolean dryRun) {
        requireReplays(dryRun);
        Instant now = now();
        List<Entry> entries = new ArrayList<>();
        DeadLetterPage.Cursor cursor = null;
        do {
            DeadLetterPage page = list(filter.withArchived(false), cursor, SCAN_PAGE);
            for (DeadLetter letter : page.items()) {
                entries.add(applyPolicy(letter, now, dryRun));
            }
            cursor = page.next();
        } while (cursor != null);
        return new ReplayResult(dryRun, entries);
    }

    /** What the policy of the letter's category says, done (or, for a dry run, reported). */
    private Entry applyPolicy(DeadLetter letter, Instant now, boolean dryRun) {
        TaskExecution e = letter.execution();
        String category = e.errorCategory() == null ? ErrorCategory.UNKNOWN.name() : e.errorCategory();
        CategoryPolicy rule = policy.forCategory(category);
        if (rule instanceof CategoryPolicy.Archive) {
            if (!dryRun && OperatorCalls.run(() -> dao.take(e.executionId(), null, now)).isEmpty()) {
                return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null, "taken by another call");
            }
            return new Entry(e.executionId(), e.taskId(), Action.ARCHIVED, null, null,
                    category + ": archived by policy");
        }
        if (!(rule instanceof CategoryPolicy.Replay replay)) {
            return kept(e, category + ": kept for manual review");
        }
        if (e.replays() >= policy.maxAutoReplays()) {
            return kept(e, "replayed " + e.replays() + " times already; left for review");
        }
        if (replay.window() != null && (e.failedAt() == null || !e.failedAt().plus(replay.window()).isAfter(now))) {
            return kept(e, category + ", but failed more than " + replay.window() + " ago");
        }
        Duration delay = replay.delay(e.replays());
        return replayOne(letter, delay, dryRun, category + ": replayed by policy after " + delay);
    }

    private Entry replayOne(DeadLetter letter, Duration delay, boolean dryRun, String reason) {
        TaskExecution e = letter.execution();
        if (dryRun) {
            return new Entry(e.executionId(), e.taskId(), Action.REPLAYED, null, delay, reason + " (dry run)");
        }
        return replayer.replay(letter, delay, reason);
    }

    /** Checked before anything changes, so a standalone tracker never half-applies a bulk call. */
    private void requireReplays(boolean dryRun) {
        if (!dryRun && replayer == null) {
            throw new IllegalStateException("a standalone task tracker cannot replay: install the tracker on a"
                    + " TaskQueue (TaskQueue.builder().extension(tracker)) to replay through its queues");
        }
    }

    private List<DeadLetter> withHistory(List<DeadLetterDao.Row> rows) {
        Set<String> taskIds = new LinkedHashSet<>();
        rows.forEach(r -> taskIds.add(r.execution().taskId()));
        Map<String, List<TaskExecution>> chains = OperatorCalls.run(() -> dao.chains(taskIds));
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
        return clock.instant();
    }
}
