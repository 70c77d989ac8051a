package io.taskqueue.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.SchedulerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Reads what a job scheduler stores (docs/protocol.md §5.15), whichever runtime wrote it: the
 * schedule in the {@code repeat:<id>} hash, and the iteration count in an iteration job's opts.
 */
final class SchedulerHash {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchedulerHash() {
    }

    /**
     * The schedule stored in a scheduler hash (Node's or ours), with its stored offset as the spec's
     * offset; fails with an {@link IllegalArgumentException} naming the problem for a hash it cannot read.
     */
    static SchedulerSpec spec(Map<String, String> h) {
        try {
            SchedulerSpec.Builder b = h.get("pattern") != null
                    ? SchedulerSpec.cron(h.get("pattern")).timeZone(h.get("tz"))
                    : SchedulerSpec.every(Duration.ofMillis(millis(h.get("every"))));
            if (h.get("limit") != null) {
                b.limit((int) millis(h.get("limit")));
            }
            if (h.get("startDate") != null) {
                b.startDate(Instant.ofEpochMilli(millis(h.get("startDate"))));
            }
            if (h.get("endDate") != null) {
                b.endDate(Instant.ofEpochMilli(millis(h.get("endDate"))));
            }
            if (h.get("every") != null && h.get("offset") != null) {
                b.offset(Duration.ofMillis(millis(h.get("offset"))));
            }
            return b.build();
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("unreadable job scheduler hash " + h + ": " + e, e);
        }
    }

    /** The stored offset of an {@code every} schedule, or {@code null} when there is none. */
    static Long offset(Map<String, String> h) {
        return h.get("every") != null && h.get("offset") != null ? millis(h.get("offset")) : null;
    }

    /** The number of iterations produced up to and including the job with {@code optsJson}: its {@code repeat.count}. */
    static int count(String optsJson) {
        if (optsJson == null) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(optsJson).path("repeat").path("count");
            return n.isNumber() ? n.asInt() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Millis as Redis returns them: an integer, or the decimal text cjson may write. */
    static long millis(String text) {
        return (long) Math.floor(Double.parseDouble(text));
    }
}
