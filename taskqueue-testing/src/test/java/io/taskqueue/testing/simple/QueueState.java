package io.taskqueue.testing.simple;

import io.taskqueue.JobState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every job of one queue is: the jobs by id and one line per state. A job is in exactly one
 * line, the one its {@link StoredJob#state} names; the methods here move it between lines and keep
 * the two in step. Not thread-safe: the queue's lock guards it.
 */
final class QueueState {
    private final Map<String, StoredJob> jobs = new HashMap<>();
    /** Ready jobs without a priority, the next to run first. */
    private final Deque<String> waiting = new ArrayDeque<>();
    private final OrderedIds prioritized = new OrderedIds();
    /** Ranked by due time. */
    private final OrderedIds delayed = new OrderedIds();
    /** In the order they became active. */
    private final Set<String> active = new LinkedHashSet<>();
    /** Ranked by finish time, oldest first. */
    private final OrderedIds completed = new OrderedIds();
    private final OrderedIds failed = new OrderedIds();
    private long sequence;
    private long autoIds;

    /** The next automatic job id: integers, which custom ids can never be. */
    String nextAutoId() {
        return Long.toString(++autoIds);
    }

    StoredJob get(String id) {
        return jobs.get(id);
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** Stores a new job; it must then be placed with one of the {@code make*} methods. */
    void insert(StoredJob job) {
        jobs.put(job.id, job);
    }

    /** Deletes a job from its line and from the queue. */
    void delete(StoredJob job) {
        detach(job);
        jobs.remove(job.id);
    }

    /**
     * Makes a job ready: prioritized by its priority, else waiting at the back, or at the front when
     * {@code front} (a LIFO add, a job handed back). A prioritized job put in front goes first among
     * its priority.
     */
    void makeReady(StoredJob job, boolean front) {
        detach(job);
        if (job.priority() > 0) {
            // A negative sequence sorts before every regular one of the same priority.
            prioritized.add(job.id, job.priority(), front ? -(++sequence) : ++sequence);
            job.state = JobState.PRIORITIZED;
        } else {
            if (front) {
                waiting.addFirst(job.id);
            } else {
                waiting.addLast(job.id);
            }
            job.state = JobState.WAITING;
        }
    }

    void makeDelayed(StoredJob job, long dueAt) {
        detach(job);
        delayed.add(job.id, dueAt, ++sequence);
        job.state = JobState.DELAYED;
    }

    void makeActive(StoredJob job) {
        detach(job);
        active.add(job.id);
        job.state = JobState.ACTIVE;
    }

    void makeFinished(StoredJob job, boolean success, long finishedOn) {
        detach(job);
        job.finishedOn = finishedOn;
        (success ? completed : failed).add(job.id, finishedOn, ++sequence);
        job.state = success ? JobState.COMPLETED : JobState.FAILED;
    }

    /** The job that runs next: waiting jobs before prioritized ones, as in BullMQ; or {@code null}. */
    StoredJob nextReady() {
        String id = waiting.isEmpty() ? prioritized.first() : waiting.peekFirst();
        return id == null ? null : jobs.get(id);
    }

    /** The delayed jobs due at {@code now}, the earliest first. */
    List<StoredJob> dueAt(long now) {
        List<StoredJob> due = new ArrayList<>();
        for (String id : delayed.upTo(now)) {
            due.add(jobs.get(id));
        }
        return due;
    }

    /** When the earliest delayed job is due, or {@code null}. */
    Long nextDueAt() {
        return delayed.firstRank();
    }

    /** The active jobs, in the order they became active. */
    List<StoredJob> activeJobs() {
        return ids(JobState.ACTIVE, true).stream().map(jobs::get).toList();
    }

    /** The ids in {@code state}'s line, in its order (see {@code QueueBackend#getJobs}). */
    List<String> ids(JobState state, boolean ascending) {
        List<String> ids = switch (state) {
            case WAITING -> new ArrayList<>(waiting);
            case PRIORITIZED -> prioritized.all(true);
            case DELAYED -> delayed.all(true);
            case ACTIVE -> new ArrayList<>(active);
            case COMPLETED -> completed.all(true);
            case FAILED -> failed.all(true);
            case WAITING_CHILDREN, UNKNOWN -> new ArrayList<>();
        };
        if (!ascending) {
            Collections.reverse(ids);
        }
        return ids;
    }

    long count(JobState state) {
        return switch (state) {
            case WAITING -> waiting.size();
            case PRIORITIZED -> prioritized.size();
            case DELAYED -> delayed.size();
            case ACTIVE -> active.size();
            case COMPLETED -> completed.size();
            case FAILED -> failed.size();
            case WAITING_CHILDREN, UNKNOWN -> 0;
        };
    }

    private void detach(StoredJob job) {
        if (job.state == null) {
            return;
        }
        switch (job.state) {
            case WAITING -> waiting.remove(job.id);
            case PRIORITIZED -> prioritized.remove(job.id);
            case DELAYED -> delayed.remove(job.id);
            case ACTIVE -> active.remove(job.id);
            case COMPLETED -> completed.remove(job.id);
            case FAILED -> failed.remove(job.id);
            default -> throw new IllegalStateException("job " + job.id + " in unexpected state " + job.state);
        }
        job.state = null;
    }
}
