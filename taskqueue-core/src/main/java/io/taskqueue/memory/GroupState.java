package io.taskqueue.memory;

import io.taskqueue.JobState;
import io.taskqueue.RateLimit;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job groups ({@link io.taskqueue.JobOptions#group()}), the in-memory twin of the Redis include
 * {@code groups.lua} and its keys {@code tq:groups}, {@code tq:group-limits} and
 * {@code tq:g:<group>:wait|active|limiter|pend}; the two must agree step for step.
 *
 * <ul>
 *   <li>A grouped job that may not run yet is <em>parked</em>: its id waits in its group's FIFO and
 *       sits in {@code delayed} with the never-due score {@link #PARKED_SCORE}, so that every reader
 *       (BullMQ's included) sees a valid state.
 *   <li>Each fetch first <em>releases</em> the head of at most one job per eligible group, visiting
 *       the ring of groups round-robin, into the back of {@code wait} (as a delayed promotion does).
 *       A group has at most one released job not yet started ({@code pend}).
 *   <li>A popped grouped job is <em>admitted</em> only within its group's concurrency (the set of
 *       ids holding a slot) and rate limit (a fixed window counter opened at the first start);
 *       otherwise it is parked again, at the head of its group. A job keeps its slot until it
 *       finishes, through retries, stall recovery and hand-backs, which keeps a concurrency-1 group
 *       in order.
 * </ul>
 *
 * Guarded by the queue's lock.
 */
final class GroupState {
    /** The due time of a parked job: 2^43 ms, in the year 2248, never due. */
    static final long PARKED_DUE = 1L << 43;
    /** The {@code delayed} score of a parked job (2^55). */
    static final long PARKED_SCORE = PARKED_DUE * Scores.DELAY_SLOTS;
    /** How many groups one fetch visits at most. */
    static final int SCAN = 100;
    /** How long a fetch that could not visit every group asks to be repeated after, in ms. */
    static final long RESCAN_MILLIS = 100;
    /** Stale ids one release skips at most. */
    private static final int STALE_SKIP = 1000;

    private final QueueState s;
    private final Clock clock;
    final Map<String, Integer> concurrency = new HashMap<>();
    final Map<String, RateLimit> rates = new HashMap<>();
    Integer defaultConcurrency;
    RateLimit defaultRate;
    /** {@code tq:groups}: groups with parked jobs; first = left. */
    private final Deque<String> ring = new ArrayDeque<>();
    /** {@code tq:g:<g>:wait}: first = left (newest), last = right (head). */
    private final Map<String, Deque<String>> waits = new HashMap<>();
    private final Map<String, Set<String>> actives = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, String> pending = new HashMap<>();

    GroupState(QueueState state, Clock clock) {
        this.s = state;
        this.clock = clock;
    }

    /** True when {@code score} is a parked job's. */
    static boolean parked(Long score) {
        return score != null && score >= PARKED_SCORE;
    }

    /** add: a new grouped job without delay waits in its group; a worker is woken to release it. */
    void parkNew(MemoryJob job) {
        park(job, false);
        s.markWorkUnlessPaused();
    }

    private void park(MemoryJob job, boolean front) {
        s.delayed.add(job.id, PARKED_SCORE);
        job.state = JobState.DELAYED;
        Deque<String> q = waits.computeIfAbsent(job.group, g -> new ArrayDeque<>());
        if (front) {
            q.addLast(job.id);
        } else {
            q.addFirst(job.id);
        }
        if (q.size() == 1) {
            ring.addFirst(job.group);
        }
        s.emit("delayed", "jobId", job.id, "delay", Long.toString(PARKED_DUE));
    }

    /**
     * Fetch, before the pop: releases at most one job per eligible group. Returns when the earliest
     * rate-limited group opens again (on the caller's clock), or {@code null}.
     */
    Long release(long now) {
        int n = Math.min(ring.size(), SCAN);
        Long nextOpen = null;
        for (int i = 0; i < n; i++) {
            String g = ring.pollLast();
            ring.addFirst(g);
            Deque<String> q = waits.get(g);
            String p = pending.get(g);
            if (p != null && !stillPending(p)) {
                pending.remove(g);
                p = null;
            }
            if (p == null) {
                long wait = blocked(g, concurrencyOf(g), rateOf(g), false);
                if (wait == 0) {
                    releaseHead(g, q);
                } else if (wait > 0 && (nextOpen == null || now + wait < nextOpen)) {
                    nextOpen = now + wait;
                }
            }
            if (q == null || q.isEmpty()) {
                ring.removeFirstOccurrence(g);
                waits.remove(g);
            }
        }
        if (ring.size() > n && (nextOpen == null || now + RESCAN_MILLIS < nextOpen)) {
            nextOpen = now + RESCAN_MILLIS;
        }
        return nextOpen;
    }

    private boolean stillPending(String id) {
        MemoryJob job = s.jobs.get(id);
        return job != null && job.releasedAt != null && job.releasedAt == job.attemptsStarted;
    }

    private void releaseHead(String g, Deque<String> q) {
        for (int i = 0; q != null && i < STALE_SKIP; i++) {
            String id = q.pollLast();
            if (id == null) {
                return;
            }
            if (parked(s.delayed.score(id))) {
                MemoryJob job = s.jobs.get(id);
                s.delayed.remove(id);
                if (job.priority == 0) {
                    s.pushWait(job, false);
                } else {
                    s.addPrioritized(job, s.nextPriorityScore(job.priority));
                }
                job.releasedAt = job.attemptsStarted;
                pending.put(g, id);
                s.emit("waiting", "jobId", id, "prev", "delayed");
                return;
            }
        }
    }

    /**
     * 0 when group {@code g} may start a job now; else the ms until its rate window opens, or -1
     * when its concurrency is reached. {@code held}: the job asking already holds a slot.
     */
    private long blocked(String g, Integer conc, RateLimit rate, boolean held) {
        if (conc != null && !held) {
            Set<String> a = actives.get(g);
            if (a != null && a.size() >= conc) {
                // Reclaims one slot whose job ended without a finish (removed, or run elsewhere).
                String m = a.iterator().next();
                MemoryJob holder = s.jobs.get(m);
                if (holder != null && holder.finishedOn == null) {
                    return -1;
                }
                a.remove(m);
                if (a.size() >= conc) {
                    return -1;
                }
            }
        }
        if (rate != null) {
            Window w = windows.get(g);
            if (w != null) {
                long left = w.expiresAt - clock.millis();
                if (left <= 0) {
                    windows.remove(g);
                } else if (w.count >= rate.max()) {
                    return left;
                }
            }
        }
        return 0;
    }

    /**
     * Fetch, after the pop: true when the job may start. A grouped job over its group's limits, or
     * one that never went through its group (a due delay, a manual promote), is parked again and
     * false returned; the caller has already taken it out of {@code wait}.
     */
    boolean admit(MemoryJob job, long now) {
        String g = job.group;
        if (g == null || job.deferredFailure != null) {
            return true;
        }
        if (job.id.equals(pending.get(g))) {
            pending.remove(g);
        }
        boolean released = job.releasedAt != null;
        job.releasedAt = null;
        if (!released && job.attemptsStarted == 0) {
            park(job, false);
            return false;
        }
        Integer conc = concurrencyOf(g);
        RateLimit rate = rateOf(g);
        Set<String> a = actives.get(g);
        boolean held = a != null && a.contains(job.id);
        if (blocked(g, conc, rate, held) != 0) {
            if (a != null) {
                a.remove(job.id);
            }
            park(job, true);
            return false;
        }
        if (conc != null) {
            actives.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(job.id);
        }
        if (rate != null) {
            Window w = windows.get(g);
            if (w == null || w.expiresAt - clock.millis() <= 0) {
                w = new Window(clock.millis() + rate.durationMillis());
                windows.put(g, w);
            }
            w.count++;
            if (w.count >= rate.max()) {
                // The delay marker: sleeping workers re-plan for the window's end.
                s.delayMarker = true;
                s.markerSet.signalAll();
            }
        }
        return true;
    }

    /** Finish: the job's slot is free. */
    void finished(MemoryJob job) {
        if (job.group != null) {
            Set<String> a = actives.get(job.group);
            if (a != null) {
                a.remove(job.id);
                if (a.isEmpty()) {
                    actives.remove(job.group);
                }
            }
        }
    }

    /** The earliest of the next real delayed job and {@code open}, or null. */
    Long nextDue(Long delayedDue, Long open) {
        if (open != null && (delayedDue == null || open < delayedDue)) {
            return open;
        }
        return delayedDue;
    }

    Integer concurrencyOf(String g) {
        Integer own = concurrency.get(g);
        return own != null ? own : defaultConcurrency;
    }

    RateLimit rateOf(String g) {
        RateLimit own = rates.get(g);
        return own != null ? own : defaultRate;
    }

    long waitingCount(String g) {
        Deque<String> q = waits.get(g);
        if (q == null) {
            return 0;
        }
        return q.stream().filter(id -> parked(s.delayed.score(id))).distinct().count();
    }

    List<String> waitingGroups() {
        return new ArrayList<>(new LinkedHashSet<>(ring));
    }

    /** Obliterate: every group key and setting goes. */
    void reset() {
        concurrency.clear();
        rates.clear();
        defaultConcurrency = null;
        defaultRate = null;
        ring.clear();
        waits.clear();
        actives.clear();
        windows.clear();
        pending.clear();
    }

    private static final class Window {
        final long expiresAt;
        long count;

        Window(long expiresAt) {
            this.expiresAt = expiresAt;
        }
    }
}
