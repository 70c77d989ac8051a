package io.taskqueue.redis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.Backoff;
import io.taskqueue.Deduplication;
import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@link JobOptions} to and from the compact {@code opts} JSON of docs/protocol.md §2.2. Writes compact
 * JSON with BullMQ's stored key names; reads tolerantly (docs/protocol.md §13): unknown keys, {@code \/} escapes,
 * numbers in exponent form, a bare-number {@code backoff}, {@code attempts} 0 (Node's default).
 * The hard timeout, which BullMQ does not have, is stored under {@value #TIMEOUT_KEY}.
 */
public final class OptsCodec {
    /** The opts key holding the hard timeout in milliseconds (unknown to, and kept by, BullMQ). */
    public static final String TIMEOUT_KEY = "tqTimeout";
    /** The opts key holding the job's group (unknown to, and kept by, BullMQ). */
    public static final String GROUP_KEY = "tqGroup";
    /**
     * The opts key holding trace-propagation text: BullMQ's own key for {@code telemetry.metadata},
     * so a context stored by a Node producer reaches a Java consumer and the reverse.
     */
    public static final String TELEMETRY_KEY = "tm";

    private final ObjectMapper mapper;

    public OptsCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The compact opts JSON of {@code options}. */
    public String write(JobOptions options) {
        ObjectNode o = mapper.createObjectNode();
        if (options.jobId() != null) {
            o.put("jobId", options.jobId());
        }
        if (!options.delay().isZero()) {
            o.put("delay", options.delay().toMillis());
        }
        if (options.priority() > 0) {
            o.put("priority", options.priority());
        }
        if (options.lifo()) {
            o.put("lifo", true);
        }
        o.put("attempts", options.attempts());
        Backoff backoff = options.backoff();
        if (backoff != null) {
            ObjectNode b = o.putObject("backoff");
            b.put("type", backoff.type());
            b.put("delay", backoff.delayMillis());
            if (backoff.jitter() > 0) {
                b.put("jitter", backoff.jitter());
            }
        }
        writeKeep(o, "removeOnComplete", options.removeOnComplete());
        writeKeep(o, "removeOnFail", options.removeOnFail());
        if (options.keepLogs() != null) {
            o.put("kl", options.keepLogs());
        }
        if (options.stackTraceLimit() != null) {
            o.put("stackTraceLimit", options.stackTraceLimit());
        }
        if (options.timeout() != null) {
            o.put(TIMEOUT_KEY, options.timeout().toMillis());
        }
        writeDedup(o, options.deduplication());
        if (options.group() != null) {
            o.put(GROUP_KEY, options.group());
        }
        if (options.telemetryMetadata() != null) {
            o.put(TELEMETRY_KEY, options.telemetryMetadata());
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write opts", e);
        }
    }

    /** {@code de}: {id, ttl?, extend?, replace?, keepLastIfActive?}, only the flags that are set. */
    private static void writeDedup(ObjectNode o, Deduplication de) {
        if (de == null) {
            return;
        }
        ObjectNode d = o.putObject("de");
        d.put("id", de.id());
        if (de.ttl() != null) {
            d.put("ttl", de.ttlMillis());
        }
        if (de.extend()) {
            d.put("extend", true);
        }
        if (de.replace()) {
            d.put("replace", true);
        }
        if (de.keepLastIfActive()) {
            d.put("keepLastIfActive", true);
        }
    }

    private static Deduplication readDedup(JsonNode n) {
        if (n == null || !n.isObject() || !n.hasNonNull("id") || n.get("id").asText().isEmpty()) {
            return null;
        }
        long ttl = number(n, "ttl", 0);
        boolean extend = n.path("extend").asBoolean(false) && ttl > 0;
        return new Deduplication(n.get("id").asText(), ttl > 0 ? Duration.ofMillis(ttl) : null, extend,
                n.path("replace").asBoolean(false), n.path("keepLastIfActive").asBoolean(false));
    }

    private static void writeKeep(ObjectNode o, String field, KeepJobs keep) {
        if (keep == null) {
            return;
        }
        if (keep.age() == null && keep.limit() == 0) {
            if (keep.count() == 0) {
                o.put(field, true);
            } else if (keep.count() == -1) {
                o.put(field, false);
            } else {
                o.put(field, keep.count());
            }
            return;
        }
        ObjectNode k = o.putObject(field);
        if (keep.count() != -1) {
            k.put("count", keep.count());
        }
        if (keep.age() != null) {
            long millis = keep.age().toMillis();
            if (millis % 1000 == 0) {
                k.put("age", millis / 1000);
            } else {
                k.put("age", BigDecimal.valueOf(millis, 3));
            }
        }
        if (keep.limit() > 0) {
            k.put("limit", keep.limit());
        }
    }

    /**
     * Parses stored opts.
     *
     * @throws JsonProcessingException when the text is not JSON
     * @throws IllegalArgumentException when a value is out of range for {@link JobOptions}
     */
    public JobOptions read(String json) throws JsonProcessingException {
        JsonNode o = mapper.readTree(json);
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("opts is not a JSON object");
        }
        JobOptions.Builder b = JobOptions.builder();
        JsonNode jobId = o.get("jobId");
        if (jobId != null && jobId.isTextual()) {
            b.jobId(jobId.asText());
        }
        b.delay(Duration.ofMillis(Math.max(0, number(o, "delay", 0))));
        b.priority((int) number(o, "priority", 0));
        b.lifo(o.path("lifo").asBoolean(false));
        b.attempts((int) Math.max(1, number(o, "attempts", 1)));
        b.backoff(readBackoff(o.get("backoff")));
        b.removeOnComplete(readKeep(o.get("removeOnComplete")));
        b.removeOnFail(readKeep(o.get("removeOnFail")));
        if (o.hasNonNull("kl")) {
            b.keepLogs((int) number(o, "kl", 0));
        }
        if (o.hasNonNull("stackTraceLimit")) {
            b.stackTraceLimit((int) number(o, "stackTraceLimit", 0));
        }
        b.deduplication(readDedup(o.get("de")));
        JsonNode group = o.get(GROUP_KEY);
        if (group != null && group.isTextual() && !group.asText().isBlank()) {
            b.group(group.asText());
        }
        JsonNode telemetry = o.get(TELEMETRY_KEY);
        if (telemetry != null && telemetry.isTextual()) {
            b.telemetryMetadata(telemetry.asText());
        }
        long timeout = number(o, TIMEOUT_KEY, 0);
        if (timeout > 0) {
            b.timeout(Duration.ofMillis(timeout));
        }
        return b.build();
    }

    private static Backoff readBackoff(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber() || n.isTextual()) {
            return new Backoff(Backoff.FIXED, Math.max(0, asLong(n)), 0);
        }
        if (!n.isObject()) {
            return null;
        }
        String type = n.path("type").asText(Backoff.FIXED);
        double jitter = n.path("jitter").asDouble(0);
        return new Backoff(type.isBlank() ? Backoff.FIXED : type, Math.max(0, number(n, "delay", 0)), jitter);
    }

    private static KeepJobs readKeep(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? KeepJobs.none() : KeepJobs.all();
        }
        if (n.isNumber()) {
            long count = asLong(n);
            return count < 0 ? KeepJobs.all() : KeepJobs.count((int) count);
        }
        if (n.isObject()) {
            long count = n.hasNonNull("count") ? number(n, "count", -1) : -1;
            Duration age = null;
            if (n.hasNonNull("age")) {
                long millis = Math.round(n.get("age").asDouble() * 1000);
                age = millis > 0 ? Duration.ofMillis(millis) : null;
            }
            return new KeepJobs(count < 0 ? -1 : (int) count, age, (int) Math.max(0, number(n, "limit", 0)));
        }
        return null;
    }

    /** A numeric field, accepting exponent notation and numeric strings. */
    private static long number(JsonNode o, String field, long fallback) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber() && !n.isTextual()) {
            return fallback;
        }
        return asLong(n);
    }

    private static long asLong(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return (long) Math.floor(n.asDouble());
        }
        try {
            return (long) Math.floor(Double.parseDouble(n.asText().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + n.asText(), e);
        }
    }
}
