package io.taskqueue.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a {@link TaskTracker}. Immutable; build with {@link #builder()}; every unset field
 * takes its documented {@code DEFAULT_*}.
 *
 * @param dedupWindow an enqueue is a duplicate while an execution of the same task is queued or
 *     processing and was enqueued less than this long ago
 * @param bufferLimit how many tracker writes may wait for the database; beyond it writes are dropped
 *     and counted
 * @param batchSize the most writes stored in one transaction
 * @param syncTimeout the longest a job's thread waits for a synchronous tracker call (the claim, the
 *     duplicate check) before going ahead without it
 * @param retryInterval how long the database counts as down after a failure before it is tried
 *     again; also the first delay between retries of a failed batch (doubling up to
 *     {@code maxRetryInterval})
 * @param maxRetryInterval the longest delay between retries of a failed batch
 * @param closeTimeout how long {@link TaskTracker#close()} tries to store the writes still buffered
 * @param syncThreads the most synchronous tracker calls in flight at once; more wait in line (each
 *     caller still waits at most {@code syncTimeout})
 * @param migrate whether {@link TaskTracker} applies {@link Migrations} (creating a configured schema
 *     that is missing) when it starts
 * @param schema the schema of the tracker's tables: every statement names it, and migrating creates
 *     it when it does not exist; {@code null} (the default) for the schema the connections'
 *     {@code search_path} selects
 * @param maxPoolSize for a tracker built from a JDBC URL: the size of its connection pool
 * @param environmentPrefixes queue-name prefixes that name an environment rather than a queue (e.g.
 *     {@code dev_} when {@code dev_orders} and {@code orders} are one queue in two environments):
 *     the first one a queue name starts with is stripped before task ids are made, so both share
 *     them; none by default
 * @param taskIdResolver the task id of a job the tracker did not enqueue itself, from the queue's
 *     base name and the job; default {@link TaskIdResolver#defaults()}
 * @param deadLetterPolicy what {@link DeadLetters#applyPolicies} does per category
 */
public record TaskTrackerOptions(
        Duration dedupWindow,
        int bufferLimit,
        int batchSize,
        Duration syncTimeout,
        Duration retryInterval,
        Duration maxRetryInterval,
        Duration closeTimeout,
        int syncThreads,
        boolean migrate,
        String schema,
        int maxPoolSize,
        List<String> environmentPrefixes,
        TaskIdResolver taskIdResolver,
        DeadLetterPolicy deadLetterPolicy) {

    /** Default dedup window: 5 minutes. */
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(5);
    /** Default buffer limit: 10,000 writes (a few MB at most). */
    public static final int DEFAULT_BUFFER_LIMIT = 10_000;
    /** Default batch size: 500 writes per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Default synchronous timeout: 2 seconds. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(2);
    /** Default retry interval: 1 second. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
    /** Default longest retry interval: 30 seconds. */
    public static final Duration DEFAULT_MAX_RETRY_INTERVAL = Duration.ofSeconds(30);
    /** Default close timeout: 5 seconds. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Default synchronous calls in flight: 32. */
    public static final int DEFAULT_SYNC_THREADS = 32;
    /** Default environment prefixes: none (queue names are used as they are). */
    public static final List<String> DEFAULT_ENVIRONMENT_PREFIXES = List.of();
    /** Default task id of a job enqueued without the tracker: see {@link TaskIdResolver#defaults()}. */
    public static final TaskIdResolver DEFAULT_TASK_ID_RESOLVER = TaskIdResolver.defaults();
    /** Default: the tracker migrates its schema when it starts. */
    public static final boolean DEFAULT_MIGRATE = true;
    /** Default schema: none, the connections' {@code search_path} decides. */
    public static final String DEFAULT_SCHEMA = null;
    /** Default dead-letter policies: {@link DeadLetterPolicy#defaults()}. */
    public static final DeadLetterPolicy DEFAULT_DEAD_LETTER_POLICY = DeadLetterPolicy.defaults();
    /** Default owned pool size: 8 connections. */
    public static final int DEFAULT_MAX_POOL_SIZE = 8;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public TaskTrackerOptions {
        positive(dedupWindow, "dedupWindow");
        positive(syncTimeout, "syncTimeout");
        positive(retryInterval, "retryInterval");
        positive(maxRetryInterval, "maxRetryInterval");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (bufferLimit < 1 || batchSize < 1 || syncThreads < 1 || maxPoolSize < 1) {
            throw new IllegalArgumentException("bufferLimit, batchSize, syncThreads and maxPoolSize must be at"
                    + " least 1: " + bufferLimit + ", " + batchSize + ", " + syncThreads + ", " + maxPoolSize);
        }
        checkSchema(schema);
        environmentPrefixes = List.copyOf(Objects.requireNonNull(environmentPrefixes, "environmentPrefixes"));
        for (String prefix : environmentPrefixes) {
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("environment prefixes must not be blank: " + environmentPrefixes);
            }
        }
        Objects.requireNonNull(taskIdResolver, "taskIdResolver");
        Objects.requireNonNull(deadLetterPolicy, "deadLetterPolicy");
    }

    /** Every default. */
    /**
     * Throws unless {@code schema} is {@code null} or a plain identifier (letters, digits and
     * underscores, not starting with a digit, at most 63 characters): the name is spliced into SQL.
     */
    public static void checkSchema(String schema) {
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain identifier (" + SCHEMA_NAME + "): " + schema);
        }
    }

    public static TaskTrackerOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().dedupWindow(dedupWindow).bufferLimit(bufferLimit).batchSize(batchSize)
                .syncTimeout(syncTimeout).retryInterval(retryInterval).maxRetryInterval(maxRetryInterval)
                .closeTimeout(closeTimeout).syncThreads(syncThreads).migrate(migrate).schema(schema)
                .maxPoolSize(maxPoolSize).environmentPrefixes(environmentPrefixes).taskIdResolver(taskIdResolver)
                .deadLetterPolicy(deadLetterPolicy);
    }

    /** {@code queueName} without the first of {@link #environmentPrefixes()} it starts with. */
    public String baseQueueName(String queueName) {
        return TaskIds.baseQueueName(queueName, environmentPrefixes);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Mutable builder for {@link TaskTrackerOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private Duration dedupWindow = DEFAULT_DEDUP_WINDOW;
        private int bufferLimit = DEFAULT_BUFFER_LIMIT;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private Duration maxRetryInterval = DEFAULT_MAX_RETRY_INTERVAL;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private int syncThreads = DEFAULT_SYNC_THREADS;
        private boolean migrate = DEFAULT_MIGRATE;
        private String schema = DEFAULT_SCHEMA;
        private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
        private List<String> environmentPrefixes = DEFAULT_ENVIRONMENT_PREFIXES;
        private TaskIdResolver taskIdResolver = DEFAULT_TASK_ID_RESOLVER;
        private DeadLetterPolicy deadLetterPolicy = DEFAULT_DEAD_LETTER_POLICY;

        private Builder() {
        }

        public Builder dedupWindow(Duration dedupWindow) {
            this.dedupWindow = dedupWindow;
            return this;
        }

        public Builder bufferLimit(int bufferLimit) {
            this.bufferLimit = bufferLimit;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder syncTimeout(Duration syncTimeout) {
            this.syncTimeout = syncTimeout;
            return this;
        }

        public Builder retryInterval(Duration retryInterval) {
            this.retryInterval = retryInterval;
            return this;
        }

        public Builder maxRetryInterval(Duration maxRetryInterval) {
            this.maxRetryInterval = maxRetryInterval;
            return this;
        }

        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        public Builder syncThreads(int syncThreads) {
            this.syncThreads = syncThreads;
            return this;
        }

        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        public Builder environmentPrefixes(List<String> environmentPrefixes) {
            this.environmentPrefixes = environmentPrefixes;
            return this;
        }

        public Builder taskIdResolver(TaskIdResolver taskIdResolver) {
            this.taskIdResolver = taskIdResolver;
            return this;
        }

        public Builder deadLetterPolicy(DeadLetterPolicy deadLetterPolicy) {
            this.deadLetterPolicy = deadLetterPolicy;
            return this;
        }

        public TaskTrackerOptions build() {
            return new TaskTrackerOptions(dedupWindow, bufferLimit, batchSize, syncTimeout, retryInterval,
                    maxRetryInterval, closeTimeout, syncThreads, migrate, schema, maxPoolSize, environmentPrefixes,
                    taskIdResolver, deadLetterPolicy);
        }
    }
}
