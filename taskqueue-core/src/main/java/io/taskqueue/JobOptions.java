package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-job options, stored with the job in BullMQ's {@code opts} format. Immutable; build with
 * {@link #builder()}. Fields left unset take the documented {@code DEFAULT_*} values or, for
 * retention, the worker's setting.
 *
 * @param jobId a custom id, or {@code null} for an automatic one. Adding a job whose custom id
 *     already exists returns that id and changes nothing.
 * @param delay how long the job waits before it may run; zero runs it as soon as possible
 * @param priority 0 for none, else 1 (highest) to {@value #MAX_PRIORITY}; jobs without priority
 *     run before prioritized ones, as in BullMQ
 * @param lifo run this job before the others already waiting
 * @param attempts total tries, the first included; at least 1
 * @param backoff the delay before each retry, or {@code null} to retry at once
 * @param removeOnComplete retention when completed, or {@code null} for the worker's default
 * @param removeOnFail retention when failed, or {@code null} for the worker's default
 * @param timeout a hard limit for one attempt, or {@code null} for none; an attempt that runs
 *     longer is interrupted and counts as failed
 * @param keepLogs how many log lines to keep, or {@code null} for all
 * @param stackTraceLimit how many stack traces to keep across attempts, or {@code null} for all
 * @param deduplication deduplicate adds by key (see {@link Deduplication}), or {@code null}
 * @param group the job's group, or {@code null} for none: jobs of one group start in the order they
 *     were added, within the group's concurrency and rate limits ({@link QueueLimits}), and groups
 *     take turns (stored in {@code opts} as {@code tqGroup}, a key BullMQ does not know)
 * @param telemetryMetadata opaque trace-propagation text that a producer stores with the job for
 *     its consumers, or {@code null} for none. The core neither reads nor writes it; a tracing
 *     extension does. BullMQ keeps the same text in {@code opts.tm} (a JSON object of W3C
 *     trace-context headers as {@code bullmq-otel} writes it), so Node and Java share one trace.
 */
public record JobOptions(
        String jobId,
        Duration delay,
        int priority,
        boolean lifo,
        int attempts,
        Backoff backoff,
        KeepJobs removeOnComplete,
        KeepJobs removeOnFail,
        Duration timeout,
        Integer keepLogs,
        Integer stackTraceLimit,
        Deduplication deduplication,
        String group,
        String telemetryMetadata) {

    /** Default delay: none. */
    public static final Duration DEFAULT_DELAY = Duration.ZERO;
    /** Default priority: none (0). */
    public static final int DEFAULT_PRIORITY = 0;
    /** The largest priority BullMQ accepts (2^21 - 1), keeping scores exact in doubles. */
    public static final int MAX_PRIORITY = 2_097_151;
    /** Default attempts: a single try, no retry. */
    public static final int DEFAULT_ATTEMPTS = 1;
    /** The longest group name accepted, in characters. */
    public static final int MAX_GROUP_LENGTH = 256;

    public JobOptions {
        if (jobId != null) {
            validateJobId(jobId);
        }
        delay = delay == null ? DEFAULT_DELAY : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must lie in [0, " + MAX_PRIORITY + "]: " + priority);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (keepLogs != null && keepLogs < 0) {
            throw new IllegalArgumentException("keepLogs must not be negative: " + keepLogs);
        }
        if (stackTraceLimit != null && stackTraceLimit < 0) {
            throw new IllegalArgumentException("stackTraceLimit must not be negative: " + stackTraceLimit);
        }
        if (group != null) {
            validateGroup(group);
        }
    }

    /** Options without telemetry metadata. */
    public JobOptions(String jobId, Duration delay, int priority, boolean lifo, int attempts, Backoff backoff,
            KeepJobs removeOnComplete, KeepJobs removeOnFail, Duration timeout, Integer keepLogs,
            Integer stackTraceLimit, Deduplication deduplication, String group) {
        this(jobId, delay, priority, lifo, attempts, backoff, removeOnComplete, removeOnFail, timeout, keepLogs,
                stackTraceLimit, deduplication, group, null);
    }

    /** Options without a group. */
    public JobOptions(String jobId, Duration delay, int priority, boolean lifo, int attempts, Backoff backoff,
            KeepJobs removeOnComplete, KeepJobs removeOnFail, Duration timeout, Integer keepLogs,
            Integer stackTraceLimit, Deduplication deduplication) {
        this(jobId, delay, priority, lifo, attempts, backoff, removeOnComplete, removeOnFail, timeout, keepLogs,
                stackTraceLimit, deduplication, null, null);
    }

    /** Checks a group name: not blank, at most {@value #MAX_GROUP_LENGTH} characters. */
    public static void validateGroup(String group) {
        Objects.requireNonNull(group, "group");
        if (group.isBlank() || group.length() > MAX_GROUP_LENGTH) {
            throw new IllegalArgumentException("group must be non-blank and at most " + MAX_GROUP_LENGTH
                    + " characters: '" + group + "'");
        }
    }

    /** Options without deduplication. */
    public JobOptions(String jobId, Duration delay, int priority, boolean lifo, int attempts, Backoff backoff,
            KeepJobs removeOnComplete, KeepJobs removeOnFail, Duration timeout, Integer keepLogs,
            Integer stackTraceLimit) {
        this(jobId, delay, priority, lifo, attempts, backoff, removeOnComplete, removeOnFail, timeout, keepLogs,
                stackTraceLimit, null, null, null);
    }

    /** Options with every default. */
    public static JobOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .jobId(jobId).delay(delay).priority(priority).lifo(lifo).attempts(attempts)
                .backoff(backoff).removeOnComplete(removeOnComplete).removeOnFail(removeOnFail)
                .timeout(timeout).keepLogs(keepLogs).stackTraceLimit(stackTraceLimit)
                .deduplication(deduplication).group(group).telemetryMetadata(telemetryMetadata);
    }

    /**
     * Checks a custom id against BullMQ's rules: not {@code "0"}, not starting with {@code "0:"},
     * not an integer (those are automatic ids), and a {@code ':'} only in the three-part form that
     * job schedulers use.
     */
    public static void validateJobId(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isEmpty() || jobId.equals("0") || jobId.startsWith("0:")) {
            throw new IllegalArgumentException("invalid job id: '" + jobId + "'");
        }
        if (jobId.matches("-?\\d+")) {
            throw new IllegalArgumentException(
                    "custom job id '" + jobId + "' must not be an integer: integers are automatic ids");
        }
        if (jobId.contains(":") && jobId.split(":", -1).length != 3) {
            throw new IllegalArgumentException("custom job id '" + jobId + "' may contain ':' only as a:b:c");
        }
    }

    /** Mutable builder for {@link JobOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String jobId;
        private Duration delay = DEFAULT_DELAY;
        private int priority = DEFAULT_PRIORITY;
        private boolean lifo;
        private int attempts = DEFAULT_ATTEMPTS;
        private Backoff backoff;
        private KeepJobs removeOnComplete;
        private KeepJobs removeOnFail;
        private Duration timeout;
        private Integer keepLogs;
        private Integer stackTraceLimit;
        private Deduplication deduplication;
        private String group;
        private String telemetryMetadata;

        private Builder() {
        }

        /** Sets the trace-propagation text (see {@link JobOptions#telemetryMetadata()}); {@code null} for none. */
        public Builder telemetryMetadata(String telemetryMetadata) {
            this.telemetryMetadata = telemetryMetadata;
            return this;
        }

        /** Puts the job in {@code group} (see {@link JobOptions#group()}); {@code null} for none. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder deduplication(Deduplication deduplication) {
            this.deduplication = deduplication;
            return this;
        }


        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder lifo(boolean lifo) {
            this.lifo = lifo;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        public Builder removeOnComplete(KeepJobs keep) {
            this.removeOnComplete = keep;
            return this;
        }

        public Builder removeOnFail(KeepJobs keep) {
            this.removeOnFail = keep;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder keepLogs(Integer keepLogs) {
            this.keepLogs = keepLogs;
            return this;
        }

        public Builder stackTraceLimit(Integer stackTraceLimit) {
            this.stackTraceLimit = stackTraceLimit;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(jobId, delay, priority, lifo, attempts, backoff, removeOnComplete,
                    removeOnFail, timeout, keepLogs, stackTraceLimit, deduplication, group, telemetryMetadata);
        }
    }
}
