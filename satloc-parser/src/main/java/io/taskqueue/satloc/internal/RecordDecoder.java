package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.AppliedRate;
import io.taskqueue.satloc.BoomSections;
import io.taskqueue.satloc.ControllerType;
import io.taskqueue.satloc.FlowMonitor;
import io.taskqueue.satloc.FlowSetup;
import io.taskqueue.satloc.GpsStatus;
import io.taskqueue.satloc.JobInfo;
import io.taskqueue.satloc.JobName;
import io.taskqueue.satloc.LogRecord;
import io.taskqueue.satloc.Marker;
import io.taskqueue.satloc.OpaqueRecord;
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
    private final PositionDecoder positions = new PositionDecoder();

    /**
     * @param type a registered type id
     * @throws SatlocFormatException when the payload does not fit the layout of {@code type}
     */
    public LogRecord decode(int type, byte[] buf, int payloadStart, int payloadLength, long frameOffset) {
        // Positions first and through a small method, so this dispatch stays small enough to inline.
        if (type == SatlocFormat.POSITION_TYPE) {
            return positions.decode(buf, payloadStart, payloadLength, frameOffset);
        }
        return other(type, buf, payloadStart, payloadLength, frameOffset);
    }

    private LogRecord other(int type, byte[] buf, int payloadStart, int payloadLength, long frameOffset) {
        in.reset(buf, payloadStart, payloadLength, frameOffset);
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
