package io.taskqueue.memory;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable stored form of one job: the fields of BullMQ's job hash (docs/protocol.md §2.1) plus the per-job keys
 * that live and die with it (logs, checkpoints). {@link #state} records which structure holds the
 * id, so that reads need not scan lists. Guarded by the queue's lock; callers only ever see
 * {@link #toJob()} snapshots.
 */
final class MemoryJob {
    final String id;
    final String name;
    final String dataJson;
    final JobOptions options;
    final long timestamp;
    /** The last relative delay applied ({@code delay}). */
    long delay;
    int priority;
    Long processedOn;
    Long finishedOn;
    /** {@code ats}. */
    int attemptsStarted;
    /** {@code atm}. */
    int attemptsMade;
    /** {@code stc}. */
    int stalledCounter;
    String progressJson;
    String returnValueJson;
    String failedReason;
    List<String> stacktrace = new ArrayList<>();
    /** {@code defa}: the reason the next fetch must fail the job with. */
    String deferredFailure;
    /** {@code pb}. */
    String processedBy;
    /** {@code tqg}: the job's group, or null. */
    final String group;
    /** {@code tqr}: set when released from its group to wait, to the attempts started then; else null. */
    Integer releasedAt;
    /** Which structure holds the id; UNKNOWN while in none (between a pop and a push). */
    JobState state = JobState.UNKNOWN;
    /** {@code K<id>:logs}. */
    final List<String> logs = new ArrayList<>();
    /** Checkpoints by key, in the order first saved. */
    final Map<String, String> checkpoints = new LinkedHashMap<>();

    MemoryJob(Job created) {
        this.id = created.id();
        this.name = created.name();
        this.dataJson = created.dataJson();
        this.options = created.options();
        this.timestamp = created.timestamp();
        this.delay = created.delayMillis();
        this.priority = created.priority();
        this.group = created.options().group();
    }

    /** An immutable snapshot for callers. */
    Job toJob() {
        return new Job(id, name, dataJson, options, timestamp, delay, priority, processedOn, finishedOn,
                attemptsStarted, attemptsMade, stalledCounter, progressJson, returnValueJson, failedReason,
                stacktrace, deferredFailure, processedBy, null);
    }
}
