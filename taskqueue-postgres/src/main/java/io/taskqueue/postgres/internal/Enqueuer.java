package io.taskqueue.postgres.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.postgres.EnqueueResult;
import io.taskqueue.postgres.TaskTrackerOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracked enqueue: record the execution (unless a duplicate is in flight), then add the job with
 * the execution id as its job id, so workers find the row without anything in the payload.
 */
public final class Enqueuer {
    private static final Logger LOG = LoggerFactory.getLogger(Enqueuer.class);

    private final TaskTrackerOptions options;
    private final Clock clock;
    private final TrackerDao dao;
    private final SyncCalls sync;
    private final WriteBuffer buffer;
    private final AtomicLong unchecked = new AtomicLong();

    Enqueuer(TaskTrackerOptions options, Clock clock, TrackerDao dao, SyncCalls sync, WriteBuffer buffer) {
        this.options = options;
        this.clock = clock;
        this.dao = dao;
        this.sync = sync;
        this.buffer = buffer;
    }

    /** What to enqueue. */
    public record Request(JobQueue queue, String taskId, String jobName, Object data, JobOptions jobOptions,
            Map<String, ?> metadata, int replays, UUID executionId) {
    }

    /**
     * Enqueues {@code request}. With {@code bounded} (producers), a database that does not answer in
     * time lets the job go ahead unchecked; without it (operators' replays), such a failure throws.
     */
    public EnqueueResult enqueue(Request r, boolean bounded) {
        UUID executionId = r.executionId() != null ? r.executionId() : UUID.randomUUID();
        JobOptions base = r.jobOptions() != null ? r.jobOptions() : JobOptions.defaults();
        String jobId = base.jobId() != null ? base.jobId() : executionId.toString();
        String metadata = Json.write(r.metadata());
        String queueName = r.queue().name();
        TrackerDao.NewExecution execution = new TrackerDao.NewExecution(r.taskId(), executionId, queueName, jobId,
                r.jobName(), base.attempts(), metadata, r.replays());
        Instant now = clock.instant();
        Instant since = now.minus(options.dedupWindow());
        Optional<TrackerDao.InFlight> inFlight;
        boolean checked = true;
        if (bounded) {
            SyncCalls.Answer<Optional<TrackerDao.InFlight>> answer = sync.call("duplicate check of " + r.taskId(),
                    () -> dao.insertUnlessInFlight(execution, since, now));
            checked = answer.answered();
            inFlight = checked ? answer.value() : Optional.empty();
        } else {
            inFlight = dao.insertUnlessInFlight(execution, since, now);
        }
        if (inFlight.isPresent()) {
            LOG.debug("{}: task {} already in flight as {}; not enqueued", queueName, r.taskId(),
                    inFlight.get().executionId());
            return new EnqueueResult(EnqueueResult.Outcome.DUPLICATE, r.taskId(), inFlight.get().executionId(),
                    inFlight.get().jobId());
        }
        if (!checked) {
            unchecked.incrementAndGet();
            // Buffered before the add, so it lands ahead of the queue listener's own enqueue write.
            buffer.offer(enqueuedWrite(execution, now));
        }
        try {
            r.queue().add(r.jobName(), r.data(), base.toBuilder().jobId(jobId).build());
        } catch (RuntimeException e) {
            if (checked) {
                freeAfterFailedAdd(executionId, e, bounded);
            }
            throw e;
        }
        return new EnqueueResult(checked ? EnqueueResult.Outcome.ENQUEUED : EnqueueResult.Outcome.ENQUEUED_UNCHECKED,
                r.taskId(), executionId, jobId);
    }

    long unchecked() {
        return unchecked.get();
    }

    private void freeAfterFailedAdd(UUID executionId, RuntimeException cause, boolean bounded) {
        String message = "enqueue failed: " + cause.getMessage();
        Instant now = clock.instant();
        if (bounded) {
            sync.call("release of " + executionId, () -> {
                dao.markEnqueueFailed(executionId, message, now);
                return null;
            });
        } else {
            dao.markEnqueueFailed(executionId, message, now);
        }
    }

    private static TrackerWrite enqueuedWrite(TrackerDao.NewExecution e, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("taskId", e.taskId());
        p.put("executionId", e.executionId());
        p.put("queueName", e.queueName());
        p.put("jobId", e.jobId());
        p.put("jobName", e.jobName());
        p.put("maxAttempts", e.maxAttempts());
        p.put("enqueuedAt", Rows.ts(now));
        p.put("metadata", e.metadataJson());
        p.put("now", Rows.ts(now));
        return new TrackerWrite(TrackerWrite.Kind.ENQUEUED, p);
    }
}
