package io.taskqueue.redis.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a job hash (docs/protocol.md §2.1) to a {@link Job} and lists stack traces to their stored JSON.
 * Reads tolerantly (docs/protocol.md §13): legacy {@code attemptsMade}, fractional numbers, {@code {}} for an empty
 * stack trace. A hash whose {@code name}, {@code opts} or {@code data} cannot be read still gives a
 * job, whose {@link Job#deferredFailure()} says why, so that a worker fails it and goes on.
 */
public final class JobHashCodec {
    private final ObjectMapper mapper;
    private final OptsCodec opts;

    public JobHashCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.opts = new OptsCodec(mapper);
    }

    /** The opts codec this codec uses. */
    public OptsCodec opts() {
        return opts;
    }

    /** The job stored as {@code hash} under id {@code id}. */
    public Job read(String id, Map<String, String> hash) {
        String problem = null;
        String name = hash.get("name");
        if (name == null) {
            name = "";
            problem = "malformed job: missing name";
        }
        JobOptions options = JobOptions.defaults();
        String optsJson = hash.get("opts");
        if (optsJson != null) {
            try {
                options = opts.read(optsJson);
            } catch (JsonProcessingException e) {
                problem = first(problem, "malformed job: opts is not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                problem = first(problem, "malformed job: invalid opts: " + e.getMessage());
            }
        }
        String data = hash.get("data");
        if (data == null) {
            data = "{}";
        } else if (problem == null) {
            String invalid = invalidJson(data);
            if (invalid != null) {
                problem = "malformed job: data is not valid JSON: " + invalid;
            }
        }
        String defa = hash.get("defa");
        String attemptsMade = hash.containsKey("attemptsMade") ? hash.get("attemptsMade") : hash.get("atm");
        return new Job(id, name, data, options,
                longOr(hash.get("timestamp"), 0), longOr(hash.get("delay"), 0), (int) longOr(hash.get("priority"), 0),
                longOrNull(hash.get("processedOn")), longOrNull(hash.get("finishedOn")),
                (int) longOr(hash.get("ats"), 0), (int) longOr(attemptsMade, 0), (int) longOr(hash.get("stc"), 0),
                hash.get("progress"), hash.get("returnvalue"), hash.get("failedReason"),
                stacktrace(hash.get("stacktrace")), defa != null ? defa : problem, hash.get("pb"),
                hash.get("parentKey"));
    }

    /** A flat {@code [field, value, ...]} reply as a map. */
    public static Map<String, String> toMap(List<?> flat) {
        Map<String, String> map = new java.util.HashMap<>(flat.size());
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    /** The stored JSON array of stack traces. */
    public String writeStacktrace(List<String> stacktrace) {
        try {
            return mapper.writeValueAsString(stacktrace);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stacktrace", e);
        }
    }

    private List<String> stacktrace(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode n = mapper.readTree(json);
            List<String> out = new ArrayList<>();
            if (n != null && n.isArray()) {
                n.forEach(e -> out.add(e.isTextual() ? e.asText() : e.toString()));
            }
            return out;
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    /** Null when {@code json} is one valid JSON value, else the parser's complaint. */
    private String invalidJson(String json) {
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return "empty";
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return "trailing content";
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    static long longOr(String s, long fallback) {
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return (long) Math.floor(Double.parseDouble(s));
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    private static Long longOrNull(String s) {
        return s == null || s.isEmpty() ? null : longOr(s, 0);
    }
}
