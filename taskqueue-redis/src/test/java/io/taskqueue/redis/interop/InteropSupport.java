package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dumps of a queue's Redis state for comparisons between a Node-made and a Java-made queue. */
final class InteropSupport {
    private InteropSupport() {
    }

    static Map<String, Object> config(RedisServer server, RedisTestPrefix prefix, String queue) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", server.uri().toString());
        m.put("prefix", prefix.value());
        m.put("queue", queue);
        return m;
    }

    /**
     * Every key of {@code P:queue:*} as suffix → type and content, with the stream reduced to its
     * entries' fields (ids masked) and opts JSON normalised (attempts 0 → 1, explicit timestamp dropped).
     */
    static Map<String, String> dump(RespClient redis, String prefix, String queue) {
        String base = prefix + ":" + queue + ":";
        Map<String, String> out = new TreeMap<>();
        List<?> scan = (List<?>) ((List<?>) redis.call("SCAN", "0", "MATCH", base + "*", "COUNT", "10000")).get(1);
        for (Object k : scan) {
            String key = (String) k;
            String suffix = key.substring(base.length());
            String type = (String) redis.call("TYPE", key);
            Object value = switch (type) {
                case "string" -> redis.call("GET", key);
                case "list" -> redis.call("LRANGE", key, "0", "-1");
                case "zset" -> redis.call("ZRANGE", key, "0", "-1", "WITHSCORES");
                case "set" -> new java.util.TreeSet<>((List<?>) redis.call("SMEMBERS", key)).toString();
                case "hash" -> normaliseHash((List<?>) redis.call("HGETALL", key));
                case "stream" -> streamFields((List<?>) redis.call("XRANGE", key, "-", "+"));
                default -> "?";
            };
            out.put(suffix, type + " " + value);
        }
        return out;
    }

    private static Map<String, String> normaliseHash(List<?> flat) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            String field = (String) flat.get(i);
            String value = (String) flat.get(i + 1);
            m.put(field, "opts".equals(field) ? normaliseOpts(value) : value);
        }
        return m;
    }

    static String normaliseOpts(String json) {
        try {
            ObjectNode o = (ObjectNode) NodeRunner.json().readTree(json);
            o.remove("timestamp");
            if (!o.has("attempts") || o.get("attempts").asInt() == 0) {
                o.put("attempts", 1);
            }
            return NodeRunner.json().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(NodeRunner.json().convertValue(o, Map.class));
        } catch (Exception e) {
            return "INVALID " + json;
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
