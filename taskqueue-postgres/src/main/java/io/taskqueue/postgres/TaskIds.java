package io.taskqueue.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tracker's two keys (the seed's "2-key design"): a deterministic {@code taskId}, the business
 * identity that stays the same across retries and replays, and a fresh UUID v4 {@code executionId}
 * per attempt.
 *
 * <pre>{@code
 * TaskIds.taskId("dev_partner_tasks", "SATLOC", "695d", "02220710") // "partner_tasks:SATLOC:695d:02220710"
 * }</pre>
 */
public final class TaskIds {
    /** The environment prefixes stripped from queue names by default. */
    public static final List<String> DEFAULT_ENVIRONMENT_PREFIXES = List.of("dev_", "test_", "staging_", "qa_");

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private TaskIds() {
    }

    /**
     * {@code {baseQueueName}:{key1}:{key2}...}: the queue's name without its environment prefix,
     * then the natural keys. The same inputs always give the same id, so {@code dev_partner_tasks}
     * and {@code partner_tasks} share task ids. Keys must be non-blank and are trimmed.
     */
    public static String taskId(String queueName, Object... naturalKeys) {
        Objects.requireNonNull(naturalKeys, "naturalKeys");
        if (naturalKeys.length == 0) {
            throw new IllegalArgumentException("a task id needs at least one natural key");
        }
        StringBuilder id = new StringBuilder(baseQueueName(queueName));
        for (Object key : naturalKeys) {
            String text = key == null ? "" : key.toString().strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("natural keys must not be blank: " + Arrays.toString(naturalKeys));
            }
            id.append(':').append(text);
        }
        return id.toString();
    }

    /** {@code queueName} without a leading environment prefix ({@link #DEFAULT_ENVIRONMENT_PREFIXES}). */
    public static String baseQueueName(String queueName) {
        return baseQueueName(queueName, DEFAULT_ENVIRONMENT_PREFIXES);
    }

    /** {@code queueName} without the first of {@code prefixes} it starts with. */
    public static String baseQueueName(String queueName, List<String> prefixes) {
        Objects.requireNonNull(queueName, "queueName");
        String name = queueName.strip();
        for (String prefix : prefixes) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return name.substring(prefix.length());
            }
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        return name;
    }

    /** A fresh random (version 4) execution id. */
    public static UUID executionId() {
        return UUID.randomUUID();
    }

    /** Whether {@code text} is a lower-case UUID v4, the format of execution ids. */
    public static boolean isExecutionId(String text) {
        return text != null && UUID_V4.matcher(text).matches();
    }

    /** Whether {@code taskId} has the {@code base:key[:key...]} shape with no blank part. */
    public static boolean isTaskId(String taskId) {
        if (taskId == null) {
            return false;
        }
        String[] parts = taskId.split(":", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
