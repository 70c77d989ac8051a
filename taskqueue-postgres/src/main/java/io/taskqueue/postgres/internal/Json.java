package io.taskqueue.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.postgres.TrackerException;
import java.util.Map;

/** The tracker's few JSON needs: metadata out, payloads back in for replays. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code metadata} as JSON text, or {@code null} for none. */
    public static String write(Map<String, ?> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses stored JSON (a dead letter's payload) so a queue's codec writes it out unchanged. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TrackerException("stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
