package io.taskqueue.internal;

import io.taskqueue.PayloadCodec;
import io.taskqueue.PayloadTooLargeException;
import java.lang.reflect.Type;

/**
 * Applies the task queue's payload limit to every payload encoded (job data, results, progress,
 * checkpoints), so that nothing is stored that the readers would refuse.
 */
public final class LimitedCodec implements PayloadCodec {
    private final PayloadCodec codec;
    private final int maxBytes;

    public LimitedCodec(PayloadCodec codec, int maxBytes) {
        this.codec = codec;
        this.maxBytes = maxBytes;
    }

    @Override
    public String encode(Object value) {
        String json = codec.encode(value);
        // Cheap test first: a string of n chars is at least n and at most 3n bytes of UTF-8.
        if (json.length() * 3L > maxBytes) {
            long bytes = utf8Length(json);
            if (bytes > maxBytes) {
                throw new PayloadTooLargeException(describe(value), bytes, maxBytes);
            }
        }
        return json;
    }

    @Override
    public <T> T decode(String json, Type type) {
        return codec.decode(json, type);
    }

    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a payload of type " + value.getClass().getName();
    }

    @Override
    public String toString() {
        return codec + " (limit " + maxBytes + " bytes)";
    }
}
