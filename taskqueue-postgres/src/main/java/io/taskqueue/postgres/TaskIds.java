package io.taskqueue.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tracker's two keys: a deterministic {@code taskId}, the business identity that stays the same
 * across retries and replays, and a fresh UUID v4 {@code executionId} per attempt.
 *
 * <pre>{@code
 * TaskIds.taskId("orders", "c-42", "o-1001")   // "orders:c-42:o-1001"
 * }</pre>
 *
 * <p>To share task ids across environments whose queue names differ by a prefix, configure the
 * prefixes ({@link TaskTrackerOptions#environmentPrefixes()}) and build ids with
 * {@link TaskTracker#taskId}, which strips them.
 */
public final class TaskIds {
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private TaskIds() {
    }

    /**
     * {@code {base}:{key1}:{key2}...}: the base name (usually a queue name), then the natural keys.
     * The same inputs always give the same id. Keys must be non-blank and are trimmed.
     */
    public static String taskId(String base, Object... naturalKeys) {
        Objects.requireNonNull(naturalKeys, "naturalKeys");
        if (naturalKeys.length == 0) {
            throw new IllegalArgumentException("a task id needs at least one natural key");
        }
        String name = Objects.requireNonNull(base, "base").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the base of a task id must not be blank");
        }
        StringBuilder id = new StringBuilder(name);
        for (Object key : naturalKeys) {
            String text = key == null ? "" : key.toString().strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("natural keys must not be blank: " + Arrays.toString(naturalKeys));
            }
            id.append(':').append(text);
        }
        return id.toString();
    }

    /** {@code queueName} without the first of {@code prefixes} it starts with (and is longer than). */
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
