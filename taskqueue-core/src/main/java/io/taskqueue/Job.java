package io.taskqueue;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a stored job, as read from the backend. Payloads are kept as the JSON text that is
 * stored (decode them with the queue's {@link PayloadCodec}); times are epoch milliseconds.
 *
 * @param id the job id
 * @param name the job name, which selects the handler
 * @param dataJson the payload as JSON text
 * @param options the options the job was added with
 * @param timestamp when the job was created
 * @param delayMillis the last delay applied to the job (0 when none)
 * @param priority 0 for none
 * @param processedOn start of the latest attempt, or {@code null}
 * @param finishedOn when the job finished, or {@code null}
 * @param attemptsStarted how many attempts were started
 * @param attemptsMade how many attempts ended (completed, failed or retried)
 * @param stalledCounter how many times the job was recovered from a dead worker
 * @param progressJson the last progress as JSON text, or {@code null}
 * @param returnValueJson the result as JSON text, or {@code null}
 * @param failedReason the last error message, or {@code null}
 * @param stacktrace the stack traces of failed attempts, oldest first
 * @param deferredFailure a reason set by the backend for a job that must fail on its next fetch
 *     (stalled too often, or stored data that cannot be read), or {@code null}
 * @param processedBy the name of the worker that ran the latest attempt, or {@code null}
 * @param parentKey the parent job's key in a flow, or {@code null}
 */
public record Job(
        String id,
        String name,
        String dataJson,
        JobOptions options,
        long timestamp,
        long delayMillis,
        int priority,
        Long processedOn,
        Long finishedOn,
        int attemptsStarted,
        int attemptsMade,
        int stalledCounter,
        String progressJson,
        String returnValueJson,
        String failedReason,
        List<String> stacktrace,
        String deferredFailure,
        String processedBy,
        String parentKey) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(options, "options");
        stacktrace = stacktrace == null ? List.of() : List.copyOf(stacktrace);
    }

    /** A new job snapshot as stored by an add, before any attempt. */
    public static Job created(String id, String name, String dataJson, JobOptions options, long timestamp) {
        return new Job(id, name, dataJson, options, timestamp, options.delay().toMillis(), options.priority(),
                null, null, 0, 0, 0, null, null, null, List.of(), null, null, null);
    }

    /** The attempts the job may still use, counting the one about to run or running. */
    public int attemptsLeft() {
        return Math.max(0, options.attempts() - attemptsMade);
    }
}
