package io.taskqueue.memory;

import io.taskqueue.JobState;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything one queue stores — the analogue of the queue's Redis keys (docs/protocol.md §1.2) — and the primitive
 * moves between them. Every move goes through a method here so that {@link MemoryJob#state} always
 * names the structure that holds the id. All fields are guarded by {@link #lock}; the operation
 * classes ({@link WorkOps}, {@link ManageOps}, {@link ReadOps}) run with it held.
 *
 * <p>Lists follow the protocol's left/right convention: "left" is the deque's first element.
 * FIFO adds push left and consumers pop right, so the right end is "next to run".
 */
final class QueueState {
    /** The reason the stall checker stores in {@code defa}. */
    static final String STALLED_TOO_OFTEN = "job stalled more than allowable limit";
    /** How many due delayed jobs one fetch promotes at most. */
    static final int PROMOTE_BATCH = 1000;

    final String name;
    final Clock clock;
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a marker is set (the analogue of a marker ZADD waking BZPOPMIN). */
    final Condition markerSet = lock.newCondition();

    final Map<String, MemoryJob> jobs = new HashMap<>();
    final Deque<String> wait = new ArrayDeque<>();
    final Deque<String> active = new ArrayDeque<>();
    final ScoredSet prioritized = new ScoredSet();
    final ScoredSet delayed = new ScoredSet();
    final ScoredSet completed = new ScoredSet();
    final ScoredSet failed = new ScoredSet();
    /** {@code stalled}: candidates of the next stall check, in the order they became candidates. */
    final Set<String> stalledCandidates = new LinkedHashSet<>();
    /** Active jobs someone asked to cancel (the durable flag read by lock renewal). */
    final Set<String> cancelRequested = new HashSet<>();
    final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();
    /** The open worker channels, in the order they were opened: the workers connected to the queue. */
    final List<MemoryWorkerChannel> workerChannels = new CopyOnWriteArrayList<>();
    /** Numbers the worker channels, as a server numbers its connections. */
    final AtomicLong workerChannelIds = new AtomicLong();
    final LockTable locks;
    final EventLog events;
    final EventDispatcher dispatcher;
    /** Global limits, the rate limiter and metrics. */
    final LimitState limits;
    /** Deduplication keys and stored next jobs. */
    final DedupStore dedup;
    /** Job groups: their queues, limits and slots. */
    final GroupState groups;

    /** {@code id}: incremented by every add. */
    long idCounter;
    /** {@code pc}: incremented by every prioritized insertion with a counter. */
    long priorityCounter;
    /** {@code meta paused}. */
    boolean paused;
    /** {@code stalled-check}: backend-clock time until which stall checks are skipped, or null. */
    Long stalledCheckUntil;
    /** The base marker: "there is something to fetch now". */
    boolean baseMarker;
    /** The delay marker: "the earliest delayed time may have changed". */
    boolean delayMarker;
    /** Set when the backend closes, so that waiting workers return. */
    boolean closed;

    QueueState(String name, Clock clock, EventDispatcher dispatcher) {
        this.name = name;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.locks = new LockTable(clock);
        this.events = new EventLog(clock, dispatcher);
        this.limits = new LimitState(clock);
        this.dedup = new DedupStore(this);
        this.groups = new GroupState(this, clock);
    }

    /** Runs {@code op} holding the queue's lock: the whole call is one atomic step. */
    <T> T locked(Supplier<T> op) {
        lock.lock();
        try {
            return op.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code op} holding the queue's lock. */
    void locked(Runnable op) {
        lock.lock();
        try {
            op.run();
        } finally {
            lock.unlock();
        }
    }

    /** XADD to the events stream. */
    void emit(String event, String... fields) {
        events.append(event, fields);
    }

    // ---- markers (wake-ups) ----

    /** Adds the base marker unless the queue is paused or maxed (global concurrency reached). */
    void markWorkUnlessPaused() {
        if (!pausedOrMaxed()) {
            markWork();
        }
    }

    /** docs/protocol.md §5.0 "paused or maxed". */
    boolean pausedOrMaxed() {
        return paused || limits.maxed(active.size());
    }

    /** Adds the base marker unconditionally (after every successful fetch). */
    void markWork() {
        baseMarker = true;
        markerSet.signalAll();
    }

    /** Adds the delay marker when a delayed job exists, paused or not, so sleepers re-plan. */
    void markDelayed() {
        if (!delayed.isEmpty()) {
            delayMarker = true;
            markerSet.signalAll();
        }
    }

    /** BZPOPMIN marker: consumes the lowest marker (the base one first); false when none. */
    boolean takeMarker() {
        if (baseMarker) {
            baseMarker = false;
            return true;
        }
        if (delayMarker) {
            delayMarker = false;
            return true;
        }
        return false;
    }

    // ---- moves ----

    /** Pushes onto {@code wait}: to the right (runs next) or to the left (runs last). */
    void pushWait(MemoryJob job, boolean runNext) {
        if (runNext) {
            wait.addLast(job.id);
        } else {
            wait.addFirst(job.id);
        }
        job.state = JobState.WAITING;
    }

    void addPrioritized(MemoryJob job, long score) {
        prioritized.add(job.id, score);
        job.state = JobState.PRIORITIZED;
    }

    /** A prioritized score behind the job's class, consuming the priority counter. */
    long nextPriorityScore(int priority) {
        priorityCounter++;
        return Scores.priorityScore(priority, priorityCounter);
    }

    /** ZADD delayed with the docs/protocol.md §4.1 score for {@code due}. */
    void addDelayed(MemoryJob job, long due) {
        delayed.add(job.id, Scores.delayedScore(delayed, due));
        job.state = JobState.DELAYED;
    }

    /** ZADD completed|failed with score {@code finishedOn}. */
    void addFinished(MemoryJob job, JobState target, long finishedOn) {
        (target == JobState.COMPLETED ? completed : failed).add(job.id, finishedOn);
        job.state = target;
    }

    /** LPUSH active. */
    void pushActive(MemoryJob job) {
        active.addFirst(job.id);
        job.state = JobState.ACTIVE;
    }

    /**
     * Makes a job fetchable the way adds, retries and promotions do: without priority to
     * {@code wait} (right when {@code runNext}, else left), else behind its priority class; then
     * the base marker unless paused.
     */
    void enqueueReady(MemoryJob job, boolean runNext) {
        if (job.priority == 0) {
            pushWait(job, runNext);
        } else {
            addPrioritized(job, nextPriorityScore(job.priority));
        }
        markWorkUnlessPaused();
    }

    /** Removes the id from whichever structure holds it; false when it was in none. */
    boolean detach(MemoryJob job) {
        boolean removed = switch (job.state) {
            case WAITING -> wait.removeLastOccurrence(job.id);
            case ACTIVE -> active.removeLastOccurrence(job.id);
            case PRIORITIZED -> prioritized.remove(job.id);
            case DELAYED -> delayed.remove(job.id);
            case COMPLETED -> completed.remove(job.id);
            case FAILED -> failed.remove(job.id);
            default -> false;
        };
        job.state = JobState.UNKNOWN;
        return removed;
    }

    /** Deletes a job and every per-job key with it (hash, logs, checkpoints, lock, flags). */
    void deleteJob(MemoryJob job) {
        detach(job);
        jobs.remove(job.id);
        locks.release(job.id);
        stalledCandidates.remove(job.id);
        cancelRequested.remove(job.id);
    }

    /** Deletes the job with this id, if it exists. */
    void deleteJob(String jobId) {
        MemoryJob job = jobs.get(jobId);
        if (job != null) {
            deleteJob(job);
        }
    }

    /**
     * Promotes up to {@value #PROMOTE_BATCH} delayed jobs due at {@code now} (docs/protocol.md §5.2 step 2): to
     * {@code wait} (left) or behind their priority class, each with {@code waiting prev=delayed}.
     * Runs even when paused; only the wake-up is skipped then.
     */
    int promoteDue(long now) {
        List<String> due = delayed.rangeByScore(Long.MIN_VALUE, Scores.dueCutoff(now), PROMOTE_BATCH);
        for (String id : due) {
            delayed.remove(id);
        }
        for (String id : due) {
            MemoryJob job = jobs.get(id);
            if (job == null) {
                continue;
            }
            if (job.priority == 0) {
                pushWait(job, false);
            } else {
                addPrioritized(job, nextPriorityScore(job.priority));
            }
            emit("waiting", "jobId", id, "prev", "delayed");
            job.delay = 0;
        }
        if (!due.isEmpty()) {
            markWorkUnlessPaused();
        }
        return due.size();
    }

    /** When the earliest delayed job is due, or {@code null} when none is (parked grouped jobs never are). */
    Long nextDelayedAt() {
        ScoredSet.Entry first = delayed.first();
        return first == null || GroupState.parked(first.score()) ? null : Scores.dueOf(first.score());
    }

    /** Wipes every key of the queue (obliterate); the event log keeps its id sequence. */
    void reset() {
        jobs.clear();
        wait.clear();
        active.clear();
        prioritized.clear();
        delayed.clear();
        completed.clear();
        failed.clear();
        stalledCandidates.clear();
        cancelRequested.clear();
        locks.clear();
        events.clear();
        idCounter = 0;
        priorityCounter = 0;
        paused = false;
        limits.reset();
        groups.reset();
        stalledCheckUntil = null;
        baseMarker = false;
        delayMarker = false;
    }
}
