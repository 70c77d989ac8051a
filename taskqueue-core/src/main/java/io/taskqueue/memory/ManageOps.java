package io.taskqueue.memory;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer and management operations: add (docs/protocol.md §5.1), pause/resume (docs/protocol.md §5.8), promote, changeDelay,
 * changePriority (docs/protocol.md §5.10), remove (docs/protocol.md §5.11), clean, drain, obliterate and the manual retry (docs/protocol.md §5.12),
 * and cancellation. Each method is one atomic unit, called with the queue's lock held.
 */
final class ManageOps {
    private static final Logger LOG = LoggerFactory.getLogger(ManageOps.class);

    private final QueueState s;

    ManageOps(QueueState state) {
        this.s = state;
    }

    /** docs/protocol.md §5.1: the counter moves on every add, duplicates included, as {@code INCR id} does. */
    String add(NewJob newJob) {
        s.idCounter++;
        JobOptions options = newJob.options();
        String id = options.jobId() != null ? options.jobId() : Long.toString(s.idCounter);
        if (s.jobs.containsKey(id)) {
            s.emit("duplicated", "jobId", id);
            return id;
        }
        if (options.deduplication() != null) {
            String owner = s.dedup.deduplicate(id, newJob);
            if (owner != null) {
                return owner;
            }
        }
        MemoryJob job = new MemoryJob(Job.created(id, newJob.name(), newJob.dataJson(), options, newJob.timestamp()));
        s.jobs.put(id, job);
        s.emit("added", "jobId", id, "name", job.name);
        long delay = options.delay().toMillis();
        if (delay > 0) {
            long due = newJob.timestamp() + delay;
            s.addDelayed(job, due);
            s.emit("delayed", "jobId", id, "delay", Long.toString(due));
            s.markDelayed();
        } else if (job.group != null) {
            s.groups.parkNew(job);
        } else {
            if (job.priority > 0) {
                s.addPrioritized(job, s.nextPriorityScore(job.priority));
            } else {
                s.pushWait(job, options.lifo());
            }
            s.markWorkUnlessPaused();
            s.emit("waiting", "jobId", id);
        }
        return id;
    }

    void pause() {
        s.paused = true;
        // DEL marker: paused workers must not be woken by stale markers.
        s.baseMarker = false;
        s.delayMarker = false;
        s.emit("paused");
    }

    void resume() {
        s.paused = false;
        if (!s.wait.isEmpty() || !s.prioritized.isEmpty()) {
            s.markWork();
        } else {
            s.markDelayed();
        }
        s.emit("resumed");
    }

    /** docs/protocol.md §5.11, without flows or schedulers: a live lock protects the job. */
    RemoveResult remove(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            return RemoveResult.NOT_FOUND;
        }
        if (s.locks.isLocked(jobId)) {
            return RemoveResult.LOCKED;
        }
        // The removal script names the wait list by its key ("wait"), not the state ("waiting").
        String prev = job.state == JobState.WAITING ? "wait" : job.state.wireName();
        s.dedup.onRemoved(job);
        s.deleteJob(job);
        s.emit("removed", "jobId", jobId, "prev", prev);
        return RemoveResult.REMOVED;
    }

    /** docs/protocol.md §5.12 reprocess of a finished job. */
    boolean retryJob(String jobId, JobState from) {
        if (!from.isFinal()) {
            throw new IllegalArgumentException("only completed or failed jobs can be retried: " + from);
        }
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, "retryJob");
        }
        if (job.state != from) {
            return false;
        }
        s.detach(job);
        job.finishedOn = null;
        job.processedOn = null;
        if (from == JobState.FAILED) {
            job.failedReason = null;
        } else {
            job.returnValueJson = null;
        }
        s.enqueueReady(job, job.options.lifo());
        s.emit("waiting", "jobId", jobId, "prev", from.wireName());
        return true;
    }

    /** docs/protocol.md §5.10 promote: ignores lifo, like every promotion. */
    boolean promote(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null || job.state != JobState.DELAYED) {
            return false;
        }
        s.detach(job);
        s.enqueueReady(job, false);
        s.emit("waiting", "jobId", jobId, "prev", "delayed");
        job.delay = 0;
        return true;
    }

    /** docs/protocol.md §5.10 changeDelay. */
    boolean changeDelay(String jobId, long delayMillis, long now) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative: " + delayMillis);
        }
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, "changeDelay");
        }
        long due = now + delayMillis;
        // The score is computed before the job leaves the set, as the script does.
        long score = Scores.delayedScore(s.delayed, due);
        if (!s.delayed.remove(jobId)) {
            return false;
        }
        job.delay = delayMillis;
        s.delayed.add(jobId, score);
        s.emit("delayed", "jobId", jobId, "delay", Long.toString(due));
        s.markDelayed();
        return true;
    }

    /** docs/protocol.md §5.10 changePriority: false only when the job does not exist. */
    boolean changePriority(String jobId, int priority, boolean lifo) {
        if (priority < 0 || priority > JobOptions.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must lie in [0, " + JobOptions.MAX_PRIORITY + "]: " + priority);
        }
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            return false;
        }
        boolean ready = job.state == JobState.PRIORITIZED || job.state == JobState.WAITING;
        job.priority = priority;
        if (ready) {
            s.detach(job);
            if (priority == 0) {
                s.pushWait(job, lifo);
            } else if (lifo) {
                s.addPrioritized(job, Scores.frontOfClass(priority));
            } else {
                s.addPrioritized(job, s.nextPriorityScore(priority));
            }
            s.markWorkUnlessPaused();
        }
        return true;
    }

    /** docs/protocol.md §5.12 clean: one {@code cleaned} event, no per-job {@code removed}. */
    List<String> clean(long graceMillis, int limit, JobState state, long now) {
        long cutoff = now - graceMillis;
        int max = limit > 0 ? limit : Integer.MAX_VALUE;
        List<String> removed = switch (state) {
            case COMPLETED -> s.completed.rangeByScore(0, cutoff, max);
            case FAILED -> s.failed.rangeByScore(0, cutoff, max);
            case WAITING -> cleanList(new ArrayList<>(s.wait), limit, cutoff, false);
            case ACTIVE -> cleanList(new ArrayList<>(s.active), limit, cutoff, true);
            case DELAYED -> cleanSet(s.delayed, max, cutoff, true);
            case PRIORITIZED -> cleanSet(s.prioritized, max, cutoff, false);
            default -> List.of();
        };
        removed.forEach(this::deleteWithDedup);
        s.emit("cleaned", "count", Integer.toString(removed.size()));
        return removed;
    }

    /** Lists: only the last {@code limit} entries (the oldest end) are looked at when limited. */
    private List<String> cleanList(List<String> ids, int limit, long cutoff, boolean skipLocked) {
        List<String> range = limit > 0 && ids.size() > limit ? ids.subList(ids.size() - limit, ids.size()) : ids;
        int max = limit > 0 ? limit : Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String id : range) {
            if (out.size() >= max) {
                break;
            }
            MemoryJob job = s.jobs.get(id);
            if (job == null || (skipLocked && s.locks.isLocked(id))) {
                continue;
            }
            Long ts = job.finishedOn != null ? job.finishedOn : job.processedOn != null ? job.processedOn : job.timestamp;
            if (ts <= cutoff) {
                out.add(id);
            }
        }
        return out;
    }

    /** Delayed looks at processedOn then timestamp; prioritized at timestamp only. */
    private List<String> cleanSet(ScoredSet set, int max, long cutoff, boolean useProcessedOn) {
        List<String> out = new ArrayList<>();
        for (String id : set.ids(true)) {
            if (out.size() >= max) {
                break;
            }
            MemoryJob job = s.jobs.get(id);
            long ts = useProcessedOn && job.processedOn != null ? job.processedOn : job.timestamp;
            if (ts <= cutoff) {
                out.add(id);
            }
        }
        return out;
    }

    /** docs/protocol.md §5.12 drain: no events. */
    void drain(boolean includeDelayed) {
        List<String> ids = new ArrayList<>(s.wait);
        ids.addAll(s.prioritized.ids(true));
        if (includeDelayed) {
            ids.addAll(s.delayed.ids(true));
        }
        ids.forEach(this::deleteWithDedup);
    }

    /** Hard removal by clean and drain: the job's dedup id is freed when it still owns it. */
    private void deleteWithDedup(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        if (job != null) {
            s.dedup.onRemoved(job);
            s.deleteJob(job);
        }
    }

    /** docs/protocol.md §5.12 obliterate, in one step: the whole queue, its events and its settings go. */
    void obliterate(boolean force) {
        if (!s.paused) {
            throw new InvalidJobStateException("cannot obliterate queue " + s.name + ": queue must be paused");
        }
        if (!force && !s.active.isEmpty()) {
            throw new InvalidJobStateException("cannot obliterate queue " + s.name + ": it has active jobs");
        }
        s.reset();
    }

    /** Runs on the dispatcher thread: listeners subscribed at delivery time hear of the cancel. */
    private void notifyCancel(String jobId) {
        for (Consumer<String> listener : s.cancelListeners) {
            try {
                listener.accept(jobId);
            } catch (RuntimeException e) {
                LOG.warn("cancel listener failed for job {}", jobId, e);
            }
        }
    }

    /** Cancels a job; for an active one, only flags it and notifies listeners off the lock. */
    CancelResult cancel(String jobId, String reason, long now) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            return CancelResult.NOT_FOUND;
        }
        switch (job.state) {
            case COMPLETED, FAILED:
                return CancelResult.ALREADY_FINISHED;
            case ACTIVE:
                s.cancelRequested.add(jobId);
                s.dispatcher.submit(() -> notifyCancel(jobId));
                return CancelResult.SIGNALLED;
            default:
                String prev = job.state.wireName();
                String why = reason != null ? reason : "job cancelled";
                s.detach(job);
                job.failedReason = why;
                job.finishedOn = now;
                s.addFinished(job, JobState.FAILED, now);
                s.emit("failed", "jobId", jobId, "failedReason", why, "prev", prev);
                return CancelResult.CANCELLED;
        }
    }
}
