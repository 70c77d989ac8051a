package io.taskqueue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/**
 * The default {@link PayloadCodec}: compact standard JSON through Jackson. Unknown properties are
 * ignored when reading, so producers may add fields before every consumer knows them.
 */
public final class JacksonCodec implements PayloadCodec {
    private final ObjectMapper mapper;

    /** A codec with a mapper configured for job payloads up to {@link TaskQueue#DEFAULT_MAX_PAYLOAD_BYTES}. */
    public JacksonCodec() {
        this(TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /**
     * A codec with a mapper configured for job payloads that reads documents of up to
     * {@code maxPayloadBytes} (Jackson's own default stops strings at 20 million characters), so
     * that it reads every payload a task queue with that limit accepts. {@code java.time} values
     * are written as ISO-8601 strings ({@code "2026-01-01T00:00:00Z"}), which Node readers parse as
     * they are.
     */
    public JacksonCodec(int maxPayloadBytes) {
        this(new ObjectMapper(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxDocumentLength(maxPayloadBytes)
                                .maxStringLength(maxPayloadBytes)
                                .build())
                        .build())
                .findAndRegisterModules()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    /** A codec using the caller's mapper as configured (it is not copied). */
    public JacksonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PayloadException("cannot encode " + describe(value) + " as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T decode(String json, java.lang.reflect.Type type) {
        Objects.requireNonNull(json, "json");
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PayloadException("cannot read JSON as " + type.getTypeName() + ": " + message(e), e);
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
