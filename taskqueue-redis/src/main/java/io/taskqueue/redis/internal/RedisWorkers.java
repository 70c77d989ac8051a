package io.taskqueue.redis.internal;

import io.taskqueue.WorkerInfo;
import io.taskqueue.spi.WorkerListSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Capability {@code WORKERS} on Redis: the connections named as BullMQ names a worker's blocking
 * connection ({@code P:<base64(Q)>} or {@code P:<base64(Q)>:w:<name>}, docs/protocol.md §1.1), found
 * with {@code CLIENT LIST}, exactly as Node's {@code Queue.getWorkers()} finds them; so Java and
 * Node workers are listed alike. In a cluster the list comes from the master serving the queue's
 * slot, where every worker of the queue blocks, and counts only connections that have waited there
 * for jobs ({@link RedisConnections#clientList}): a worker that has been busy since it started,
 * without ever waiting, shows once it first waits.
 */
final class RedisWorkers implements WorkerListSupport {
    private final RedisContext ctx;
    private final Keys keys;

    RedisWorkers(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    @Override
    public List<WorkerInfo> workers() {
        String list;
        try {
            list = ctx.connection().clientList(keys.marker());
        } catch (RuntimeException e) {
            throw RedisContext.translate(e, "list the workers of queue " + keys.queue() + " (CLIENT LIST)");
        }
        return parse(list, keys.workerConnectionName(null), ctx.clock().instant());
    }

    /**
     * The workers in a {@code CLIENT LIST} reply whose connection name is {@code base} or starts with
     * {@code base:w:}; {@code now} turns a connection's {@code age} into the time it connected.
     */
    static List<WorkerInfo> parse(String clientList, String base, Instant now) {
        String namedStart = base + ":w:";
        // Redis counts a connection's age in whole seconds; a finer start time would be made up.
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        List<WorkerInfo> workers = new ArrayList<>();
        for (String line : clientList.split("\r?\n")) {
            Map<String, String> fields = fields(line);
            String name = fields.get("name");
            if (name == null || !(name.equals(base) || name.startsWith(namedStart)) || fields.get("id") == null) {
                continue;
            }
            String workerName = name.equals(base) ? null : name.substring(namedStart.length());
            Long age = number(fields.get("age"));
            Long idle = number(fields.get("idle"));
            workers.add(new WorkerInfo(workerName, fields.get("id"), fields.get("addr"),
                    age == null ? null : second.minusSeconds(age), idle == null ? null : Duration.ofSeconds(idle)));
        }
        return workers;
    }

    /** A line's {@code key=value} pairs; a connection name never holds a space (CLIENT SETNAME refuses one). */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.strip().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
