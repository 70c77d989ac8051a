package io.taskqueue;

import java.lang.reflect.Type;

/**
 * Turns job data, results, progress and checkpoints into JSON text and back. Job data is JSON on the
 * wire so that Node and Java workers can share a queue; the default is {@link JacksonCodec}.
 * Implementations must be thread-safe and throw {@link PayloadException} on failure.
 */
public interface PayloadCodec {
    /** The JSON text of {@code value}; {@code null} becomes {@code "null"}. */
    String encode(Object value);

    /** Reads {@code json} as {@code type}. */
    <T> T decode(String json, Type type);
}
