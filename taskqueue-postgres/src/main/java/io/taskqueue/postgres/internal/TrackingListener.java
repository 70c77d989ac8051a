package io.taskqueue.postgres.internal;

import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import io.taskqueue.postgres.AlreadyProcessed;
import io.taskqueue.postgres.TaskStatus;
import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.postgres.TrackerCategories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the core's lifecycle events into buffered tracker writes. Never blocks and never throws:
 * a job's outcome is decided before the listener hears of it, and stays what it is. A failure is
 * stored under the category the worker decided; endings no classifier decided get the fixed names
 * of {@link TrackerCategories}.
 */
public final class TrackingListener implements JobLifecycleListener {
    /** Stack traces are for reading, not archiving; long ones are cut. */
    private static final int MAX_STACK_CHARS = 8_000;

    private final TaskTrackerOptions options;
    private final Clock clock;
    private final WriteBuffer buffer;

    TrackingListener(TaskTrackerOptions options, Clock clock, WriteBuffer buffer) {
        this.options = options;
        this.clock = clock;
        this.buffer = buffer;
    }

    @Override
    public void onEnqueued(String queueName, Job job) {
        Map<String, Object> p = key(queueName, job, 1);
        p.put("taskId", JobTaskIds.of(options, queueName, job));
        p.put("enqueuedAt", Rows.ts(Instant.ofEpochMilli(job.timestamp())));
        p.put("metadata", null);
        p.put("now", Rows.ts(now()));
        buffer.offer(new TrackerWrite(TrackerWrite.Kind.ENQUEUED, p));
    }

    @Override
    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
        int attempt = job.attemptsMade() + 1;
        if (outcome instanceof JobOutcome.Completed completed) {
            if (completed.value() instanceof AlreadyProcessed) {
                return; // the claim refused this attempt; the execution that did the work is recorded
            }
            Map<String, Object> p = finished(queueName, job, attempt, elapsedMillis);
            p.put("result", completed.json());
            buffer.offer(new TrackerWrite(TrackerWrite.Kind.COMPLETED, p));
        } else if (outcome instanceof JobOutcome.Failed failed) {
            TaskStatus status = failed.willRetry() ? TaskStatus.FAILED : TaskStatus.DLQ;
            failed(queueName, job, attempt, elapsedMillis, status, failed.reason(), failed.category().name(),
                    failed.error());
            if (failed.willRetry()) {
                nextAttempt(queueName, job, attempt + 1);
            }
        } else if (outcome instanceof JobOutcome.Cancelled cancelled) {
            // Cancelled on purpose: failed for good, but not a dead letter anyone should replay.
            failed(queueName, job, attempt, elapsedMillis, TaskStatus.ARCHIVED, "cancelled: " + cancelled.reason(),
                    TrackerCategories.CANCELLED, null);
        } else if (outcome instanceof JobOutcome.LockLost lost) {
            // The result was dropped and the job will run again; a later fetch's claim is left alone.
            requeued(queueName, job, attempt, "lock lost: " + lost.detail(), TrackerCategories.LOCK_LOST);
        } else {
            // RetryLater, RateLimited, HandedBack: the same attempt waits again, nothing went wrong.
            requeued(queueName, job, attempt, null, null);
        }
    }

    @Override
    public void onStalled(String queueName, String jobId) {
        Map<String, Object> p = new HashMap<>();
        p.put("queueName", queueName);
        p.put("jobId", jobId);
        p.put("errorMessage", "stalled: its worker stopped renewing the lock; put back in the queue");
        p.put("errorCategory", TrackerCategories.STALLED);
        p.put("now", Rows.ts(now()));
        buffer.offer(new TrackerWrite(TrackerWrite.Kind.STALLED, p));
    }

    private void nextAttempt(String queueName, Job job, int attempt) {
        Map<String, Object> p = new HashMap<>();
        p.put("queueName", queueName);
        p.put("jobId", job.id());
        p.put("attempt", attempt);
        p.put("executionId", UUID.randomUUID());
        p.put("now", Rows.ts(now()));
        buffer.offer(new TrackerWrite(TrackerWrite.Kind.NEXT_ATTEMPT, p));
    }

    private void requeued(String queueName, Job job, int attempt, String message, String category) {
        Map<String, Object> p = new HashMap<>();
        p.put("queueName", queueName);
        p.put("jobId", job.id());
        p.put("attempt", attempt);
        p.put("fetchNo", job.attemptsStarted());
        p.put("errorMessage", message);
        p.put("errorCategory", category);
        p.put("now", Rows.ts(now()));
        buffer.offer(new TrackerWrite(TrackerWrite.Kind.REQUEUED, p));
    }

    private void failed(String queueName, Job job, int attempt, long elapsedMillis, TaskStatus status,
            String message, String category, Throwable error) {
        Map<String, Object> p = finished(queueName, job, attempt, elapsedMillis);
        p.put("status", status.wireName());
        p.put("errorMessage", message);
        p.put("errorCategory", category);
        p.put("errorStack", error == null ? null : stack(error));
        p.put("payload", status == TaskStatus.FAILED ? null : job.dataJson());
        buffer.offer(new TrackerWrite(TrackerWrite.Kind.FAILED, p));
    }

    private Map<String, Object> finished(String queueName, Job job, int attempt, long elapsedMillis) {
        Instant now = now();
        Map<String, Object> p = key(queueName, job, attempt);
        p.put("taskId", JobTaskIds.of(options, queueName, job));
        Instant startedAt = job.processedOn() != null ? Instant.ofEpochMilli(job.processedOn())
                : now.minusMillis(elapsedMillis);
        // A retry's own enqueue time is not in the snapshot; its start is the closest known bound.
        p.put("enqueuedAt", Rows.ts(attempt == 1 ? Instant.ofEpochMilli(job.timestamp()) : startedAt));
        p.put("startedAt", Rows.ts(startedAt));
        p.put("processTime", elapsedMillis);
        p.put("retryCount", job.attemptsMade());
        p.put("now", Rows.ts(now));
        return p;
    }

    private static Map<String, Object> key(String queueName, Job job, int attempt) {
        Map<String, Object> p = new HashMap<>();
        p.put("queueName", queueName);
        p.put("jobId", job.id());
        p.put("attempt", attempt);
        p.put("executionId", UUID.randomUUID());
        p.put("jobName", job.name());
        p.put("maxAttempts", job.options().attempts());
        return p;
    }

    private Instant now() {
        return clock.instant();
    }

    private static String stack(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() <= MAX_STACK_CHARS ? text : text.substring(0, MAX_STACK_CHARS) + "\n\t... (cut)";
    }
}
