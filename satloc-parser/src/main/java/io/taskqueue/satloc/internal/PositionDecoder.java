package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.EnhancedPosition;
import io.taskqueue.satloc.Position;
import io.taskqueue.satloc.PositionRecord;
import io.taskqueue.satloc.SatlocFormatException;

/**
 * Decodes type-1 position records, nearly every record of a log, at fixed offsets.
 *
 * <p>Kept apart from {@link RecordDecoder} and split into small methods on purpose: HotSpot only
 * inlines hot methods below about 325 bytecodes, and once the whole per-record path (scanner,
 * dispatch, these methods) inlines into one compiled loop the per-frame call overhead and
 * repeated loads disappear. The length check up front makes every fixed-offset read in bounds.
 * One instance per parser; not thread-safe (it owns a {@link LogTime} date cache).
 */
final class PositionDecoder {

    private final LogTime time = new LogTime();

    /** @throws SatlocFormatException when the length or timestamp is invalid */
    PositionRecord decode(byte[] b, int p, int payloadLength, long frameOffset) {
        boolean enhanced = payloadLength == SatlocFormat.ENHANCED_POSITION_PAYLOAD;
        if (!enhanced && payloadLength != SatlocFormat.SHORT_POSITION_PAYLOAD) {
            throw badLength(payloadLength, frameOffset);
        }
        long t = time.decode(b, p);
        if (t == Long.MIN_VALUE) {
            throw new SatlocFormatException(frameOffset, "invalid timestamp");
        }
        Position fix = fix(b, p, t);
        return enhanced ? enhanced(fix, b, p) : fix;
    }

    private static SatlocFormatException badLength(int payloadLength, long frameOffset) {
        return new SatlocFormatException(frameOffset, "position record must be 43 or 78 bytes, was "
                + (payloadLength + SatlocFormat.FRAME_OVERHEAD));
    }

    private static Position fix(byte[] b, int p, long t) {
        return new Position(t, Bytes.i32(b, p + 8) / Scale.DEG, Bytes.i32(b, p + 12) / Scale.DEG,
                Bytes.i32(b, p + 16) / Scale.CENTI, Bytes.u16(b, p + 20) / Scale.CENTI,
                Bytes.u16(b, p + 22) / Scale.CENTI, Bytes.i16(b, p + 24) / Scale.CENTI, Bytes.u16(b, p + 26),
                Bytes.u8(b, p + 28), Bytes.u8(b, p + 29), Bytes.u8(b, p + 30), Bytes.u8(b, p + 31) / Scale.DECI,
                Bytes.u16(b, p + 32) / Scale.DECI);
    }

    // Byte 68 is reserved: written as 0 and ignored, so a future use does not break this reader.
    private static EnhancedPosition enhanced(Position fix, byte[] b, int p) {
        return new EnhancedPosition(fix, Bytes.i32(b, p + 34) / Scale.CENTI, Bytes.i16(b, p + 38) / Scale.CENTI,
                Bytes.i16(b, p + 40) / Scale.CENTI, Bytes.i16(b, p + 42) / Scale.CENTI,
                Bytes.u32(b, p + 44) / Scale.MILLI, Bytes.u32(b, p + 48) / Scale.MILLI,
                Bytes.u16(b, p + 52) / Scale.CENTI, Bytes.u16(b, p + 54) / Scale.CENTI,
                Bytes.i16(b, p + 56) / Scale.CENTI, Bytes.u16(b, p + 58) / Scale.CENTI, Bytes.i32(b, p + 60),
                Bytes.u8(b, p + 64) / Scale.DECI, Bytes.u8(b, p + 65) / Scale.DECI,
                Bytes.u16(b, p + 66) / Scale.DECI);
    }
}
