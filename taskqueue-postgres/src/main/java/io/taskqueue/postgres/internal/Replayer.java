package io.taskqueue.postgres.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.EnqueueResult;
import io.taskqueue.postgres.ReplayResult.Action;
import io.taskqueue.postgres.ReplayResult.Entry;
import io.taskqueue.postgres.TaskExecution;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a dead letter back on its queue as a new execution of the same task, through the job queues
 * of the task queue the tracker is installed on. The entry is taken out of the dead-letter queue
 * first (so two operators cannot both replay it) and put back when the enqueue does not happen.
 */
public final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final TaskQueue taskQueue;
    private final Enqueuer enqueuer;
    private final DeadLetterDao dao;
    private final Clock clock;
    // One handle per queue: every TaskQueue.queue call makes a handle the task queue keeps until it closes.
    private final Map<String, JobQueue> queues = new ConcurrentHashMap<>();

    public Replayer(TaskQueue taskQueue, Enqueuer enqueuer, DeadLetterDao dao, Clock clock) {
        this.taskQueue = taskQueue;
        this.enqueuer = enqueuer;
        this.dao = dao;
        this.clock = clock;
    }

    /** Replays {@code letter} after {@code delay}; the entry says what happened and why. */
    public Entry replay(DeadLetter letter, Duration delay, String reason) {
        TaskExecution e = letter.execution();
        if (e.jobName() == null || letter.payloadJson() == null) {
            return skipped(e, "the job's name or payload was not recorded");
        }
        UUID newExecution = UUID.randomUUID();
        if (OperatorCalls.run(() -> dao.take(e.executionId(), newExecution, clock.instant())).isEmpty()) {
            return skipped(e, "taken by another call");
        }
        JobOptions jobOptions = JobOptions.builder().attempts(e.maxAttempts() == null ? 1 : e.maxAttempts())
                .delay(delay).jobId(newExecution.toString()).build();
        try {
            JobQueue queue = queues.computeIfAbsent(e.queueName(), taskQueue::queue);
            EnqueueResult r = enqueuer.enqueue(new Enqueuer.Request(queue, e.taskId(), e.jobName(),
                    Json.tree(letter.payloadJson()), jobOptions, Map.of("replayOf", e.executionId().toString()),
                    e.replays() + 1, newExecution), false);
            if (!r.enqueued()) {
                restore(e);
                return skipped(e, "task already in flight as " + r.executionId());
            }
            LOG.info("{} task {}: dead letter {} replayed as job {} ({})", e.queueName(), e.taskId(),
                    e.executionId(), r.jobId(), reason);
            return new Entry(e.executionId(), e.taskId(), Action.REPLAYED, newExecution, delay, reason);
        } catch (RuntimeException failure) {
            restore(e);
            LOG.warn("{} task {}: replay of dead letter {} failed; left in the dead-letter queue", e.queueName(),
                    e.taskId(), e.executionId(), failure);
            return skipped(e, "enqueue failed: " + failure.getMessage());
        }
    }

    private void restore(TaskExecution e) {
        OperatorCalls.run(() -> {
            dao.restore(e.executionId(), clock.instant());
            return null;
        });
    }

    private static Entry skipped(TaskExecution e, String reason) {
        return new Entry(e.executionId(), e.taskId(), Action.SKIPPED, null, null, reason);
    }
}
