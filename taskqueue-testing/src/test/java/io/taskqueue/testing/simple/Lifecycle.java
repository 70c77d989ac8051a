package io.taskqueue.testing.simple;

import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.StatusCodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that move jobs between states, each with the events it writes and the workers it
 * wakes. The caller holds the queue's lock for the whole of a step, which makes each step atomic.
 */
final class Lifecycle {
    /** The reason of a job that stalled more often than its workers allow. */
    static final String STALLED_TOO_OFTEN = "job stalled more than allowable limit";

    /** What a step tells the world outside the queue's state. */
    interface Signals {
        /** There may be work: wake the waiting workers. */
        void workAvailable();

        /** A running job was asked to cancel: tell the workers. */
        void cancelRequested(String jobId);
    }

    private final QueueState queue;
    private final JobLocks locks;
    private final EventJournal events;
    private final Signals signals;
    private final Clock clock;
    /** When the last stall check ran, by the backend's clock; {@code null} before the first. */
    private Long lastStallCheckAt;

    Lifecycle(QueueState queue, JobLocks locks, EventJournal events, Signals signals, Clock clock) {
        this.queue = queue;
        this.locks = locks;
        this.events = events;
        this.signals = signals;
        this.clock = clock;
    }

    String add(NewJob newJob) {
        JobOptions options = newJob.options();
        String customId = options.jobId();
        if (customId != null && queue.get(customId) != null) {
            events.append("duplicated", "jobId", customId);
            return customId;
        }
        String id = customId != null ? customId : queue.nextAutoId();
        StoredJob job = new StoredJob(id, newJob.name(), newJob.dataJson(), options, newJob.timestamp());
        queue.insert(job);
        events.append("added", "jobId", id, "name", job.name);
        long delay = options.delay().toMillis();
        if (delay > 0) {
            delay(job, newJob.timestamp() + delay);
        } else {
            queue.makeReady(job, options.lifo());
            events.append("waiting", "jobId", id);
        }
        // Even a delayed add wakes workers: one waiting the drain delay may need to look sooner.
        signals.workAvailable();
        return id;
    }

    FetchResult fetch(FetchRequest request) {
        for (StoredJob due : queue.dueAt(request.now())) {
            queue.makeReady(due, false);
            events.append("waiting", "jobId", due.id, "prev", "delayed");
        }
        StoredJob job = queue.nextReady();
        if (job == null) {
            return new FetchResult.Empty(queue.nextDueAt());
        }
        String prev = job.state.wireName();
        queue.makeActive(job);
        locks.take(job.id, request.token(), request.lockDurationMillis());
        job.processedOn = request.now();
        job.processedBy = request.workerName();
        job.attemptsStarted++;
        events.append("active", "jobId", job.id, "prev", prev);
        return new FetchResult.Fetched(job.snapshot());
    }

    LockStatus extendLock(String jobId, String token, long durationMillis) {
        StoredJob job = queue.get(jobId);
        if (job == null || job.state != JobState.ACTIVE || !locks.renew(jobId, token, durationMillis)) {
            return LockStatus.LOST;
        }
        return job.cancelReason != null ? LockStatus.CANCEL_REQUESTED : LockStatus.HELD;
    }

    FetchResult finish(FinishRequest request) {
        StoredJob job = lockedJob(request.jobId(), request.token(), "finish");
        locks.release(job.id);
        job.attemptsMade++;
        job.deferredFailure = null;
        job.cancelReason = null;
        if (request.stacktrace() != null) {
            job.stacktrace = request.stacktrace();
        }
        if (request.completed()) {
            job.returnValueJson = request.value();
            queue.makeFinished(job, true, request.now());
            events.append("completed", "jobId", job.id, "returnvalue", request.value(), "prev", "active");
        } else {
            fail(job, request.value(), request.now());
        }
        Retention.apply(queue, request.completed() ? JobState.COMPLETED : JobState.FAILED, request.keep(),
                request.now());
        return request.next() == null ? FetchResult.EMPTY : fetch(request.next());
    }

    void release(ReleaseRequest request) {
        StoredJob job = lockedJob(request.jobId(), request.token(), "release");
        locks.release(job.id);
        if (request.kind() == ReleaseRequest.Kind.RETRY) {
            job.attemptsMade++;
            job.failedReason = request.failedReason() != null ? request.failedReason() : job.failedReason;
            job.stacktrace = request.stacktrace() != null ? request.stacktrace() : job.stacktrace;
        }
        if (job.cancelReason != null) {
            // Cancelled while it ran: it never runs again, whatever its worker asks for.
            fail(job, job.cancelReason, request.now());
        } else if (request.delayMillis() > 0) {
            job.delayMillis = request.delayMillis();
            delay(job, request.now() + request.delayMillis());
        } else {
            queue.makeReady(job, request.kind() == ReleaseRequest.Kind.HAND_BACK);
            events.append("waiting", "jobId", job.id, "prev", "active");
        }
        signals.workAvailable();
    }

    List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        long checkAt = clock.millis();
        if (lastStallCheckAt != null && checkAt - lastStallCheckAt < intervalMillis) {
            return List.of();
        }
        lastStallCheckAt = checkAt;
        List<String> recovered = new ArrayList<>();
        for (StoredJob job : queue.activeJobs()) {
            if (locks.isHeld(job.id)) {
                continue;
            }
            locks.release(job.id);
            job.stalledCounter++;
            events.append("stalled", "jobId", job.id);
            if (job.cancelReason != null) {
                fail(job, job.cancelReason, now);
            } else {
                // The failure is deferred to the next fetch, so that a worker records it like any other.
                if (job.stalledCounter > maxStalledCount) {
                    job.deferredFailure = STALLED_TOO_OFTEN;
                }
                // It was due before everything that waits now: it goes first.
                queue.makeReady(job, true);
                events.append("waiting", "jobId", job.id, "prev", "active");
            }
            recovered.add(job.id);
        }
        if (!recovered.isEmpty()) {
            signals.workAvailable();
        }
        return recovered;
    }

    CancelResult cancel(String jobId, String reason, long now) {
        StoredJob job = queue.get(jobId);
        if (job == null) {
            return CancelResult.NOT_FOUND;
        }
        return switch (job.state) {
            case COMPLETED, FAILED -> CancelResult.ALREADY_FINISHED;
            case ACTIVE -> {
                // The flag is the durable part: lock renewals report it if the notification is lost.
                job.cancelReason = reason;
                signals.cancelRequested(jobId);
                yield CancelResult.SIGNALLED;
            }
            default -> {
                fail(job, reason, now);
                yield CancelResult.CANCELLED;
            }
        };
    }

    RemoveResult remove(String jobId) {
        StoredJob job = queue.get(jobId);
        if (job == null) {
            return RemoveResult.NOT_FOUND;
        }
        if (locks.isHeld(jobId)) {
            return RemoveResult.LOCKED;
        }
        String prev = job.state.wireName();
        locks.release(jobId);
        queue.delete(job);
        events.append("removed", "jobId", jobId, "prev", prev);
        return RemoveResult.REMOVED;
    }

    /** The active job {@code jobId} whose lock {@code token} holds; fails as {@link StatusCodes} says. */
    private StoredJob lockedJob(String jobId, String token, String operation) {
        StoredJob job = queue.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, operation);
        }
        int status = job.state == JobState.ACTIVE ? locks.check(jobId, token) : StatusCodes.LOCK_MISSING;
        if (status != 0) {
            throw StatusCodes.toException(status, jobId, operation);
        }
        return job;
    }

    private void delay(StoredJob job, long dueAt) {
        queue.makeDelayed(job, dueAt);
        events.append("delayed", "jobId", job.id, "delay", Long.toString(dueAt));
    }

    /** Fails a job for good with {@code reason}, from whatever state it is in. */
    private void fail(StoredJob job, String reason, long now) {
        String prev = job.state.wireName();
        job.failedReason = reason;
        job.cancelReason = null;
        queue.makeFinished(job, false, now);
        events.append("failed", "jobId", job.id, "failedReason", reason, "prev", prev);
        if (job.attemptsMade >= job.options.attempts()) {
            events.append("retries-exhausted", "jobId", job.id, "attemptsMade", Integer.toString(job.attemptsMade));
        }
    }
}
