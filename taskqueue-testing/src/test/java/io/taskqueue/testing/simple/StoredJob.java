package io.taskqueue.testing.simple;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import java.util.ArrayList;
import java.util.List;

/**
 * One job as the simple backend keeps it: a mutable record guarded by its queue's lock. Callers
 * only ever see immutable {@link Job} snapshots, so nothing outside the lock can observe a job
 * half-way through a transition.
 */
final class StoredJob {
    final String id;
    final String name;
    final String dataJson;
    final JobOptions options;
    final long timestamp;

    JobState state;
    long delayMillis;
    Long processedOn;
    Long finishedOn;
    int attemptsStarted;
    int attemptsMade;
    int stalledCounter;
    String progressJson;
    String returnValueJson;
    String failedReason;
    List<String> stacktrace = List.of();
    String deferredFailure;
    String processedBy;
    /** The reason of a cancel requested while the job was active, or {@code null}. */
    String cancelReason;
    final List<String> logs = new ArrayList<>();

    StoredJob(String id, String name, String dataJson, JobOptions options, long timestamp) {
        this.id = id;
        this.name = name;
        this.dataJson = dataJson;
        this.options = options;
        this.timestamp = timestamp;
        this.delayMillis = options.delay().toMillis();
    }

    int priority() {
        return options.priority();
    }

    Job snapshot() {
        return new Job(id, name, dataJson, options, timestamp, delayMillis, options.priority(), processedOn,
                finishedOn, attemptsStarted, attemptsMade, stalledCounter, progressJson, returnValueJson,
                failedReason, stacktrace, deferredFailure, processedBy, null);
    }
}
