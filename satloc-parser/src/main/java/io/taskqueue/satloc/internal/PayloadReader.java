package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.SatlocFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over one record payload. Every read past the payload end becomes a
 * {@link SatlocFormatException} at the frame's offset, so corrupt lengths never escape as
 * index exceptions. Reused across frames by one decoder; not thread-safe.
 */
public final class PayloadReader {

    private final LogTime time = new LogTime();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf;
    private int pos;
    private int end;
    private long frameOffset;

    void reset(byte[] buf, int start, int length, long frameOffset) {
        this.buf = buf;
        this.pos = start;
        this.end = start + length;
        this.frameOffset = frameOffset;
    }

    SatlocFormatException bad(String reason) {
        return new SatlocFormatException(frameOffset, reason);
    }

    private int take(int n) {
        if (end - pos < n) {
            throw bad("payload too short");
        }
        int at = pos;
        pos += n;
        return at;
    }

    int u8() {
        return Bytes.u8(buf, take(1));
    }

    int u16() {
        return Bytes.u16(buf, take(2));
    }

    int i16() {
        return Bytes.i16(buf, take(2));
    }

    int i32() {
        return Bytes.i32(buf, take(4));
    }

    long u32() {
        return Bytes.u32(buf, take(4));
    }

    long timestamp() {
        long t = time.decode(buf, take(SatlocFormat.TIMESTAMP_LENGTH));
        if (t == Long.MIN_VALUE) {
            throw bad("invalid timestamp");
        }
        return t;
    }

    boolean bool() {
        int v = u8();
        if (v > 1) {
            throw bad("boolean byte not 0 or 1: " + v);
        }
        return v == 1;
    }

    /** A u8 length followed by that many UTF-8 bytes. */
    String string() {
        int n = u8();
        int at = take(n);
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buf, at, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw bad("string is not valid UTF-8");
        }
    }

    /** A u8 length followed by that many 7-bit ASCII bytes. */
    String ascii() {
        int n = u8();
        int at = take(n);
        for (int i = at; i < at + n; i++) {
            if (buf[i] < 0) {
                throw bad("marker text is not ASCII");
            }
        }
        return new String(buf, at, n, StandardCharsets.US_ASCII);
    }

    /** Fails if bytes are left over, so a frame is only accepted when its layout fits exactly. */
    void expectEnd() {
        if (pos != end) {
            throw bad((end - pos) + " unexpected trailing payload bytes");
        }
    }
}
