package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.AppliedRate;
import io.taskqueue.satloc.BoomSections;
import io.taskqueue.satloc.ControllerType;
import io.taskqueue.satloc.EnhancedPosition;
import io.taskqueue.satloc.FlowMonitor;
import io.taskqueue.satloc.FlowSetup;
import io.taskqueue.satloc.GpsStatus;
import io.taskqueue.satloc.JobInfo;
import io.taskqueue.satloc.JobName;
import io.taskqueue.satloc.LogRecord;
import io.taskqueue.satloc.Marker;
import io.taskqueue.satloc.OpaqueRecord;
import io.taskqueue.satloc.Position;
import io.taskqueue.satloc.RateUnits;
import io.taskqueue.satloc.SatlocFormatException;
import io.taskqueue.satloc.SwathNumber;
import io.taskqueue.satloc.SwathingSetup;
import io.taskqueue.satloc.SystemSetup;
import io.taskqueue.satloc.TargetRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one validated frame payload into a record. Layouts are in {@code docs/satloc-format.md};
 * scale factors are in {@link Scale}. One instance per parser; not thread-safe.
 */
public final class RecordDecoder {

    private final PayloadReader in = new PayloadReader();
    private final LogTime time = new LogTime();

    /**
     * @param type a registered type id
     * @throws SatlocFormatException when the payload does not fit the layout of {@code type}
     */
    public LogRecord decode(int type, byte[] buf, int payloadStart, int payloadLength, long frameOffset) {
        in.reset(buf, payloadStart, payloadLength, frameOffset);
        if (type == 1) {
            return position(buf, payloadStart, payloadLength);
        }
        LogRecord r;
        switch (type) {
            case 10:
                r = new GpsStatus(in.timestamp(), in.u8(), in.u8(), in.u16() / Scale.CENTI,
                        in.u16() / Scale.CENTI, in.u16() / Scale.DECI);
                break;
            case 20:
                r = new SwathNumber(in.timestamp(), in.u16(), in.bool());
                break;
            case 30:
                r = new FlowMonitor(in.timestamp(), in.u32() / Scale.MILLI, in.u32() / Scale.CENTI, in.bool());
                break;
            case 32:
                r = new TargetRate(in.timestamp(), in.u8(), in.u32() / Scale.MILLI);
                break;
            case 36:
                r = new AppliedRate(in.timestamp(), in.u8(), in.u32() / Scale.MILLI);
                break;
            case 46:
                r = new ControllerType(in.timestamp(), in.string());
                break;
            case 60:
                r = new Marker(in.timestamp(), in.i32() / Scale.DEG, in.i32() / Scale.DEG, in.u8(), in.ascii());
                break;
            case 100:
                r = new SystemSetup(in.timestamp(), in.string(), in.string());
                break;
            case 120:
                r = swathingSetup();
                break;
            case 140:
                r = flowSetup();
                break;
            case 142:
                r = boomSections();
                break;
            case 151:
                r = new JobInfo(in.timestamp(), in.string(), in.string());
                break;
            case 152:
                r = new JobName(in.timestamp(), in.string(), in.string());
                break;
            default:
                return new OpaqueRecord(type, Arrays.copyOfRange(buf, payloadStart, payloadStart + payloadLength));
        }
        in.expectEnd();
        return r;
    }

    // Positions are nearly every record of a log, so they skip the cursor and read fixed offsets;
    // the length check up front makes every read in bounds.
    private LogRecord position(byte[] b, int p, int payloadLength) {
        if (payloadLength != SatlocFormat.SHORT_POSITION_PAYLOAD
                && payloadLength != SatlocFormat.ENHANCED_POSITION_PAYLOAD) {
            throw in.bad("position record must be 43 or 78 bytes, was " + (payloadLength + SatlocFormat.FRAME_OVERHEAD));
        }
        long t = time.decode(b, p);
        if (t == Long.MIN_VALUE) {
            throw in.bad("invalid timestamp");
        }
        Position fix = new Position(t, Bytes.i32(b, p + 8) / Scale.DEG, Bytes.i32(b, p + 12) / Scale.DEG,
                Bytes.i32(b, p + 16) / Scale.CENTI, Bytes.u16(b, p + 20) / Scale.CENTI,
                Bytes.u16(b, p + 22) / Scale.CENTI, Bytes.i16(b, p + 24) / Scale.CENTI, Bytes.u16(b, p + 26),
                Bytes.u8(b, p + 28), Bytes.u8(b, p + 29), Bytes.u8(b, p + 30), Bytes.u8(b, p + 31) / Scale.DECI,
                Bytes.u16(b, p + 32) / Scale.DECI);
        if (payloadLength == SatlocFormat.SHORT_POSITION_PAYLOAD) {
            return fix;
        }
        // Byte 68 is reserved: written as 0 and ignored, so a future use does not break this reader.
        return new EnhancedPosition(fix, Bytes.i32(b, p + 34) / Scale.CENTI, Bytes.i16(b, p + 38) / Scale.CENTI,
                Bytes.i16(b, p + 40) / Scale.CENTI, Bytes.i16(b, p + 42) / Scale.CENTI,
                Bytes.u32(b, p + 44) / Scale.MILLI, Bytes.u32(b, p + 48) / Scale.MILLI,
                Bytes.u16(b, p + 52) / Scale.CENTI, Bytes.u16(b, p + 54) / Scale.CENTI,
                Bytes.i16(b, p + 56) / Scale.CENTI, Bytes.u16(b, p + 58) / Scale.CENTI, Bytes.i32(b, p + 60),
                Bytes.u8(b, p + 64) / Scale.DECI, Bytes.u8(b, p + 65) / Scale.DECI,
                Bytes.u16(b, p + 66) / Scale.DECI);
    }

    private LogRecord swathingSetup() {
        long t = in.timestamp();
        long widthMm = in.u32();
        if (widthMm == 0) {
            throw in.bad("swath width is zero");
        }
        return new SwathingSetup(t, widthMm / Scale.MILLI, in.u8());
    }

    private LogRecord flowSetup() {
        long t = in.timestamp();
        boolean dry = in.bool();
        int code = in.u8();
        RateUnits units = RateUnits.byCodeOrNull(code);
        if (units == null) {
            throw in.bad("unknown rate units code " + code);
        }
        return new FlowSetup(t, dry, units);
    }

    private LogRecord boomSections() {
        long t = in.timestamp();
        int n = in.u8();
        List<Double> widths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            widths.add(in.u16() / Scale.CENTI);
        }
        return new BoomSections(t, widths);
    }
}
