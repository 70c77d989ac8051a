package io.taskqueue.memory;

import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker-side operations: fetch (docs/protocol.md §5.2), lock renewal (docs/protocol.md §5.3), finish (docs/protocol.md §5.4), retry (docs/protocol.md §5.5),
 * hand-back (docs/protocol.md §5.7) and the stall check (docs/protocol.md §5.9). Each method is one atomic unit and must be called
 * with the queue's lock held; the step order follows the protocol, including where a failing check
 * leaves earlier steps applied, so that this backend and the Lua scripts agree step for step.
 */
final class WorkOps {
    /** BullMQ's default {@code keepJobs.limit} for age-based retention. */
    private static final int DEFAULT_AGE_LIMIT = 1000;

    private final QueueState s;

    WorkOps(QueueState state) {
        this.s = state;
    }

    /** docs/protocol.md §5.2 moveToActive. */
    FetchResult fetch(FetchRequest request) {
        s.promoteDue(request.now());
        Integer maxJobs = s.limits.maxJobs(request);
        long limitedFor = s.limits.rateLimitTtl(maxJobs);
        if (limitedFor > 0) {
            return new FetchResult.RateLimited(limitedFor);
        }
        if (s.pausedOrMaxed()) {
            return new FetchResult.Empty(s.nextDelayedAt());
        }
        Long groupOpen = s.groups.release(request.now());
        MemoryJob job = popNext(request.now());
        if (job == null) {
            return new FetchResult.Empty(s.groups.nextDue(s.nextDelayedAt(), groupOpen));
        }
        if (maxJobs != null && job.deferredFailure == null) {
            s.limits.countStart(s.limits.windowMillis(request));
        }
        if (!"0".equals(request.token())) {
            s.locks.acquire(job.id, request.token(), request.lockDurationMillis());
        }
        s.emit("active", "jobId", job.id, "prev", "waiting");
        job.processedOn = request.now();
        if (request.workerName() != null) {
            job.processedBy = request.workerName();
        }
        job.attemptsStarted++;
        // Always: another sleeping worker wakes and tries too, so bursts fan out.
        s.markWork();
        return new FetchResult.Fetched(job.toJob());
    }

    /**
     * Right of {@code wait}, else the lowest prioritized; moved to the left of {@code active}. A
     * grouped job its group does not admit now goes back to its group, and the next one is taken
     * (at most 100 tries, as the script's loop).
     */
    private MemoryJob popNext(long now) {
        for (int tries = 0; tries < 100; tries++) {
            String id = s.wait.pollLast();
            if (id == null) {
                ScoredSet.Entry next = s.prioritized.pollFirst();
                if (next == null) {
                    s.priorityCounter = 0;
                    return null;
                }
                id = next.id();
            }
            MemoryJob job = s.jobs.get(id);
            if (s.groups.admit(job, now)) {
                s.pushActive(job);
                return job;
            }
        }
        return null;
    }

    /** docs/protocol.md §5.3 extendLocks, reporting pending cancels as well. */
    Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis) {
        Map<String, LockStatus> out = new LinkedHashMap<>();
        tokensByJobId.forEach((jobId, token) -> {
            if (s.locks.extend(jobId, token, durationMillis)) {
                s.stalledCandidates.remove(jobId);
                out.put(jobId, s.cancelRequested.contains(jobId) ? LockStatus.CANCEL_REQUESTED : LockStatus.HELD);
            } else {
                out.put(jobId, LockStatus.LOST);
            }
        });
        return out;
    }

    /** docs/protocol.md §5.4 moveToFinished. */
    FetchResult finish(FinishRequest r) {
        MemoryJob job = requireJob(r.jobId(), "finish");
        checkLock(job, r.token(), "finish");
        if (r.stacktrace() != null) {
            job.stacktrace = new ArrayList<>(r.stacktrace());
        }
        removeFromActive(job, "finish");
        s.groups.finished(job);
        s.dedup.onFinished(job, r.now());
        job.attemptsMade++;
        JobState target = r.completed() ? JobState.COMPLETED : JobState.FAILED;
        KeepJobs keep = r.keep();
        if (keep.count() != 0) {
            job.finishedOn = r.now();
            if (r.completed()) {
                job.returnValueJson = r.value();
            } else {
                job.failedReason = r.value();
                job.deferredFailure = null;
            }
            s.addFinished(job, target, r.now());
            applyRetention(target == JobState.COMPLETED ? s.completed : s.failed, keep, r.now());
        } else {
            s.deleteJob(job);
        }
        s.cancelRequested.remove(job.id);
        if (r.completed()) {
            s.emit("completed", "jobId", job.id, "returnvalue", r.value(), "prev", "active");
        } else {
            s.emit("failed", "jobId", job.id, "failedReason", r.value(), "prev", "active");
            if (job.attemptsMade >= job.options.attempts()) {
                s.emit("retries-exhausted", "jobId", job.id, "attemptsMade", Integer.toString(job.attemptsMade));
            }
        }
        if (r.metricsMaxDataPoints() > 0) {
            s.limits.collect(r.completed() ? io.taskqueue.Metrics.Type.COMPLETED : io.taskqueue.Metrics.Type.FAILED,
                    r.now(), r.metricsMaxDataPoints());
        }
        if (r.next() != null) {
            FetchResult next = fetch(r.next());
            // Paused, maxed, rate limited or a future delayed job also ends the call here: no
            // drained then, as on Redis.
            if (next instanceof FetchResult.Fetched || next instanceof FetchResult.RateLimited || s.pausedOrMaxed()
                    || (next instanceof FetchResult.Empty e && e.nextDelayedAt() != null)) {
                return next;
            }
        }
        if (s.wait.isEmpty() && s.active.isEmpty() && s.prioritized.isEmpty()) {
            s.emit("drained");
        }
        return FetchResult.EMPTY;
    }

    /** Age first (newest first, bounded by the limit), then count, as the finish script does. */
    private void applyRetention(ScoredSet target, KeepJobs keep, long now) {
        if (keep.age() != null) {
            int limit = keep.limit() > 0 ? keep.limit() : DEFAULT_AGE_LIMIT;
            for (String id : target.revRangeByScoreUpTo(now - keep.age().toMillis(), limit)) {
                s.deleteJob(id);
            }
        }
        if (keep.count() > 0) {
            for (String id : target.rangeByRank(keep.count(), -1, false)) {
                s.deleteJob(id);
            }
        }
    }

    /** Puts an active job back: a retry or a postponement ({@link #retry}) or a hand-back ({@link #handBack}). */
    void release(ReleaseRequest r) {
        if (r.kind() == ReleaseRequest.Kind.HAND_BACK) {
            handBack(r.jobId(), r.token());
        } else {
            retry(r);
        }
    }

    /** docs/protocol.md §5.5: retryJob (no delay) or moveToDelayed (with delay). */
    private void retry(ReleaseRequest r) {
        boolean immediate = r.delayMillis() == 0;
        if (immediate) {
            // The immediate-retry script promotes before anything else, like a fetch.
            s.promoteDue(r.now());
        }
        MemoryJob job = requireJob(r.jobId(), "retry");
        checkLock(job, r.token(), "retry");
        if (r.failedReason() != null) {
            job.failedReason = r.failedReason();
        }
        if (r.stacktrace() != null) {
            job.stacktrace = new ArrayList<>(r.stacktrace());
        }
        removeFromActive(job, "retry");
        if (r.kind() == ReleaseRequest.Kind.RETRY) {
            job.attemptsMade++;
        }
        if (immediate) {
            s.enqueueReady(job, job.options.lifo());
            s.emit("waiting", "jobId", job.id, "prev", "active");
        } else {
            long due = r.now() + r.delayMillis();
            job.delay = r.delayMillis();
            s.addDelayed(job, due);
            s.emit("delayed", "jobId", job.id, "delay", Long.toString(due));
            s.markDelayed();
        }
    }

    /** docs/protocol.md §5.7 moveJobFromActiveToWait: to the front of the queue or of the priority class. */
    private void handBack(String jobId, String token) {
        MemoryJob job = requireJob(jobId, "handBack");
        checkLock(job, token, "handBack");
        removeFromActive(job, "handBack");
        if (job.priority > 0) {
            s.addPrioritized(job, Scores.frontOfClass(job.priority));
        } else {
            s.pushWait(job, true);
        }
        s.markWorkUnlessPaused();
        s.emit("waiting", "jobId", job.id, "prev", "active");
    }

    /** docs/protocol.md §5.9 moveStalledJobsToWait, throttled by the backend clock. */
    List<String> checkStalled(int maxStalledCount, long intervalMillis) {
        long t = s.clock.millis();
        // The stalled-check key lives through its expiry millisecond, as any Redis key does.
        if (s.stalledCheckUntil != null && t <= s.stalledCheckUntil) {
            return List.of();
        }
        s.stalledCheckUntil = t + Math.max(0, intervalMillis);
        List<String> candidates = new ArrayList<>(s.stalledCandidates);
        s.stalledCandidates.clear();
        List<String> recovered = new ArrayList<>();
        for (String id : candidates) {
            MemoryJob job = s.jobs.get(id);
            if (job == null || s.locks.isLocked(id) || job.state != JobState.ACTIVE) {
                continue;
            }
            s.detach(job);
            job.stalledCounter++;
            if (job.stalledCounter > maxStalledCount) {
                job.deferredFailure = QueueState.STALLED_TOO_OFTEN;
            }
            s.pushWait(job, true);
            s.markWorkUnlessPaused();
            s.emit("waiting", "jobId", id, "prev", "active");
            s.emit("stalled", "jobId", id);
            recovered.add(id);
        }
        // Every job active now must renew its lock before the next check or be recovered then.
        s.stalledCandidates.addAll(s.active);
        return recovered;
    }

    private MemoryJob requireJob(String jobId, String operation) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, operation);
        }
        return job;
    }

    /** docs/protocol.md §5.0 lock check: on success the lock is released and the job stops being a stall candidate. */
    private void checkLock(MemoryJob job, String token, String operation) {
        if ("0".equals(token)) {
            return;
        }
        String holder = s.locks.holder(job.id);
        if (token.equals(holder)) {
            s.locks.release(job.id);
            s.stalledCandidates.remove(job.id);
            return;
        }
        int code = holder == null ? StatusCodes.LOCK_MISSING : StatusCodes.LOCK_MISMATCH;
        throw StatusCodes.toException(code, job.id, operation);
    }

    /** LREM active; NOT_IN_STATE when the job is not active. */
    private void removeFromActive(MemoryJob job, String operation) {
        if (job.state != JobState.ACTIVE) {
            throw StatusCodes.toException(StatusCodes.NOT_IN_STATE, job.id, operation);
        }
        s.detach(job);
    }
}
