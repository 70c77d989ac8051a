package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Dumps of a queue's Redis state for comparisons between a Node-made and a Java-made queue. Values
 * are returned as Redis holds them: a difference between the runtimes must show, so nothing here
 * rewrites a value; a test that expects a difference says so itself.
 */
final class InteropSupport {
    private InteropSupport() {
    }

    /** One key: its type and its content (a sorted map for a hash, a list or string otherwise). */
    record KeyDump(String type, Object content) {
        /** The hash's fields, for a hash. */
        @SuppressWarnings("unchecked")
        Map<String, String> hash() {
            return (Map<String, String>) content;
        }
    }

    static Map<String, Object> config(RedisServer server, RedisTestPrefix prefix, String queue) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", server.uri().toString());
        m.put("prefix", prefix.value());
        m.put("queue", queue);
        return m;
    }

    /**
     * Every key of {@code P:queue:*} (the SCAN followed to its end) by suffix, with its type and content;
     * a stream is reduced to its entries' fields, as its ids are times.
     */
    static Map<String, KeyDump> dump(RespClient redis, String prefix, String queue) {
        String base = prefix + ":" + queue + ":";
        Map<String, KeyDump> out = new TreeMap<>();
        String cursor = "0";
        do {
            List<?> page = (List<?>) redis.call("SCAN", cursor, "MATCH", base + "*", "COUNT", "100");
            cursor = (String) page.get(0);
            for (Object k : (List<?>) page.get(1)) {
                String key = (String) k;
                out.put(key.substring(base.length()), read(redis, key));
            }
        } while (!"0".equals(cursor));
        return out;
    }

    private static KeyDump read(RespClient redis, String key) {
        String type = (String) redis.call("TYPE", key);
        Object value = switch (type) {
            case "string" -> redis.call("GET", key);
            case "list" -> redis.call("LRANGE", key, "0", "-1");
            case "zset" -> redis.call("ZRANGE", key, "0", "-1", "WITHSCORES");
            case "set" -> new TreeSet<>((List<?>) redis.call("SMEMBERS", key)).toString();
            case "hash" -> hash((List<?>) redis.call("HGETALL", key));
            case "stream" -> streamFields((List<?>) redis.call("XRANGE", key, "-", "+"));
            default -> throw new AssertionError("a key of an unexpected type " + type + ": " + key);
        };
        return new KeyDump(type, value);
    }

    private static Map<String, String> hash(List<?> flat) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    /** Parses a JSON text (e.g. a job's opts) for a comparison that ignores only the order of object fields. */
    static JsonNode json(String text) {
        try {
            return NodeRunner.json().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> streamFields(List<?> entries) {
        List<String> out = new ArrayList<>();
        for (Object e : entries) {
            out.add(String.valueOf(((List<?>) e).get(1)));
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
