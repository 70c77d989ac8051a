package io.taskqueue.redis.interop;

import io.taskqueue.servers.RespClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Redis reads shared by the interop checks 5, 6, 8, 12 and 14. */
final class CheckSupport {
    private CheckSupport() {
    }

    /** One events-stream entry: its id's millisecond part and its fields in order. */
    record Entry(long millis, Map<String, String> fields) {
        String event() {
            return fields.get("event");
        }

        String get(String field) {
            return fields.get(field);
        }
    }

    /** Every entry of {@code P:Q:events}. */
    static List<Entry> events(RespClient redis, String prefix, String queue) {
        List<?> raw = (List<?>) redis.call("XRANGE", prefix + ":" + queue + ":events", "-", "+");
        List<Entry> out = new ArrayList<>();
        for (Object o : raw) {
            List<?> e = (List<?>) o;
            String id = (String) e.get(0);
            List<?> flat = (List<?>) e.get(1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put((String) flat.get(i), (String) flat.get(i + 1));
            }
            out.add(new Entry(Long.parseLong(id.substring(0, id.indexOf('-'))), fields));
        }
        return out;
    }

    /** The entries about job {@code jobId}. */
    static List<Entry> eventsOf(List<Entry> all, String jobId) {
        return all.stream().filter(e -> jobId.equals(e.get("jobId"))).toList();
    }

    /** "event" or "event/prev" for each entry: the shape of a job's history without times. */
    static List<String> shape(List<Entry> entries) {
        return entries.stream().map(e -> e.get("prev") == null ? e.event() : e.event() + "/" + e.get("prev")).toList();
    }

    /** The job hash as a sorted map (empty when the job does not exist). */
    static Map<String, String> hash(RespClient redis, String key) {
        List<?> flat = (List<?>) redis.call("HGETALL", key);
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    /** The members of a sorted set, lowest score first. */
    @SuppressWarnings("unchecked")
    static List<String> zmembers(RespClient redis, String key) {
        return new ArrayList<>((List<String>) redis.call("ZRANGE", key, "0", "-1"));
    }

    /** The suffixes (after {@code P:Q:}) and types of every key of a queue, sorted. */
    static Map<String, String> keyTypes(RespClient redis, String prefix, String queue) {
        String base = prefix + ":" + queue + ":";
        Map<String, String> out = new TreeMap<>();
        String cursor = "0";
        int rounds = 0;
        do {
            List<?> scan = (List<?>) redis.call("SCAN", cursor, "MATCH", base + "*", "COUNT", "1000");
            cursor = (String) scan.get(0);
            for (Object k : (List<?>) scan.get(1)) {
                String key = (String) k;
                out.put(key.substring(base.length()), (String) redis.call("TYPE", key));
            }
        } while (!"0".equals(cursor) && ++rounds < 10_000);
        return out;
    }

    /** True when some client connection is blocked in BZPOPMIN and its name contains {@code nameContains}. */
    static boolean blockedOnMarker(RespClient redis, String nameContains) {
        String list = String.valueOf(redis.call("CLIENT", "LIST"));
        for (String line : list.split("\n")) {
            if (line.contains("cmd=bzpopmin") && line.contains(nameContains)) {
                return true;
            }
        }
        return false;
    }
}
