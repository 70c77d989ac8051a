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
import io.taskqueue.satloc.SwathNumber;
import io.taskqueue.satloc.SwathingSetup;
import io.taskqueue.satloc.SystemSetup;
import io.taskqueue.satloc.TargetRate;

/**
 * Encodes records into complete frames (sync, type, length, payload, CRC-32C), the inverse of
 * {@link RecordDecoder}. One instance per writer; not thread-safe.
 */
public final class RecordEncoder {

    private final PayloadWriter out = new PayloadWriter();

    /**
     * Encodes {@code r}; the frame is then in {@link #buffer()} from 0 to the returned length.
     *
     * @throws IllegalArgumentException when a value does not fit the layout
     */
    public int encode(LogRecord r) {
        out.start();
        payload(r);
        int length = out.position() + SatlocFormat.CHECKSUM_LENGTH;
        if (length > SatlocFormat.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("record longer than " + SatlocFormat.MAX_FRAME_LENGTH + " bytes");
        }
        byte[] b = out.buffer();
        b[0] = SatlocFormat.SYNC_0;
        b[1] = SatlocFormat.SYNC_1;
        b[2] = (byte) r.typeId();
        Bytes.putU16(b, 3, length);
        out.u32("checksum", SatlocFormat.crc(b, 2, out.position() - 2) & 0xFFFF_FFFFL);
        return length;
    }

    /** @return the buffer holding the last encoded frame */
    public byte[] buffer() {
        return out.buffer();
    }

    private void payload(LogRecord r) {
        if (r instanceof Position p) {
            position(p);
        } else if (r instanceof EnhancedPosition e) {
            enhanced(e);
        } else if (r instanceof GpsStatus g) {
            out.timestamp(g.epochMillis());
            out.u8("quality", g.quality());
            out.u8("satellites", g.satellites());
            out.u16("hdop", g.hdop(), Scale.CENTI);
            out.u16("pdop", g.pdop(), Scale.CENTI);
            out.u16("correctionAgeS", g.correctionAgeS(), Scale.DECI);
        } else if (r instanceof SwathNumber s) {
            out.timestamp(s.epochMillis());
            out.u16("swath", s.swath());
            out.bool(s.reversed());
        } else if (r instanceof FlowMonitor f) {
            out.timestamp(f.epochMillis());
            out.u32("flowRatePerMin", f.flowRatePerMin(), Scale.MILLI);
            out.u32("totalApplied", f.totalApplied(), Scale.CENTI);
            out.bool(f.sprayOn());
        } else if (r instanceof TargetRate t) {
            rate(t.epochMillis(), t.channel(), t.rate());
        } else if (r instanceof AppliedRate a) {
            rate(a.epochMillis(), a.channel(), a.rate());
        } else if (r instanceof ControllerType c) {
            out.timestamp(c.epochMillis());
            out.string("name", c.name());
        } else if (r instanceof Marker m) {
            out.timestamp(m.epochMillis());
            out.i32("latitude", m.latitude(), Scale.DEG);
            out.i32("longitude", m.longitude(), Scale.DEG);
            out.u8("markType", m.markType());
            out.ascii("text", m.text());
        } else if (r instanceof SystemSetup s) {
            out.timestamp(s.epochMillis());
            out.string("pilotName", s.pilotName());
            out.string("aircraft", s.aircraft());
        } else if (r instanceof SwathingSetup s) {
            out.timestamp(s.epochMillis());
            out.u32("swathWidthM", s.swathWidthM(), Scale.MILLI);
            out.u8("pattern", s.pattern());
        } else if (r instanceof FlowSetup f) {
            out.timestamp(f.epochMillis());
            out.bool(f.dry());
            out.u8("units", f.units().code());
        } else if (r instanceof BoomSections b) {
            out.timestamp(b.epochMillis());
            out.u8("sections", b.sectionWidthsM().size());
            for (double w : b.sectionWidthsM()) {
                out.u16("sectionWidthM", w, Scale.CENTI);
            }
        } else if (r instanceof JobInfo j) {
            out.timestamp(j.epochMillis());
            out.string("key", j.key());
            out.string("value", j.value());
        } else if (r instanceof JobName j) {
            out.timestamp(j.epochMillis());
            out.string("jobId", j.jobId());
            out.string("name", j.name());
        } else if (r instanceof OpaqueRecord o) {
            out.raw(o.payload());
        } else {
            throw new AssertionError("unhandled record " + r.getClass());
        }
    }

    private void rate(long t, int channel, double rate) {
        out.timestamp(t);
        out.u8("channel", channel);
        out.u32("rate", rate, Scale.MILLI);
    }

    private void position(Position p) {
        out.timestamp(p.epochMillis());
        out.i32("latitude", p.latitude(), Scale.DEG);
        out.i32("longitude", p.longitude(), Scale.DEG);
        out.i32("altitudeM", p.altitudeM(), Scale.CENTI);
        out.u16("speedMps", p.speedMps(), Scale.CENTI);
        out.u16("headingDeg", p.headingDeg(), Scale.CENTI);
        out.i16("crossTrackM", p.crossTrackM(), Scale.CENTI);
        out.u16("swath", p.swath());
        out.u8("flags", p.flags());
        out.u8("gpsQuality", p.gpsQuality());
        out.u8("satellites", p.satellites());
        out.u8("hdop", p.hdop(), Scale.DECI);
        out.u16("correctionAgeS", p.correctionAgeS(), Scale.DECI);
    }

    private void enhanced(EnhancedPosition e) {
        position(e.fix());
        out.i32("aglM", e.aglM(), Scale.CENTI);
        out.i16("verticalSpeedMps", e.verticalSpeedMps(), Scale.CENTI);
        out.i16("rollDeg", e.rollDeg(), Scale.CENTI);
        out.i16("pitchDeg", e.pitchDeg(), Scale.CENTI);
        out.u32("flowRatePerMin", e.flowRatePerMin(), Scale.MILLI);
        out.u32("appliedRate", e.appliedRate(), Scale.MILLI);
        out.u16("windSpeedMps", e.windSpeedMps(), Scale.CENTI);
        out.u16("windDirectionDeg", e.windDirectionDeg(), Scale.CENTI);
        out.i16("airTemperatureC", e.airTemperatureC(), Scale.CENTI);
        out.u16("humidityPct", e.humidityPct(), Scale.CENTI);
        out.i32("boomMask", e.boomMask());
        out.u8("pdop", e.pdop(), Scale.DECI);
        out.u8("vdop", e.vdop(), Scale.DECI);
        out.u16("boomPressureKpa", e.boomPressureKpa(), Scale.DECI);
        out.u8("reserved", 0);
    }
}
