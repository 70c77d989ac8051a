package io.taskqueue.satloc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Hand-built records and byte logs shared by the tests. */
final class Fixtures {

    static final long T0 = 1_748_955_600_000L; // 2025-06-03T13:00:00Z

    private Fixtures() {
    }

    static Position position(long t, boolean spray) {
        return new Position(t, 38.5012345, -97.9876543, 423.17, 59.87, 271.25, -0.42, 17,
                spray ? Position.FLAG_SPRAY_ON : 0, 2, 11, 0.9, 2.5);
    }

    static EnhancedPosition enhanced(long t) {
        return new EnhancedPosition(position(t, true), 3.21, -0.35, -12.5, 1.75, 144.125, 20.0, 3.5, 270.0,
                24.5, 55.25, 0x1F, 1.8, 1.6, 275.5);
    }

    /** One record of every decoded kind plus opaque ones, in a plausible order. */
    static List<LogRecord> everyKind() {
        return List.of(
                new SystemSetup(T0, "Jörg Müller", "AT-802 N802TQ"),
                new ControllerType(T0, "Satloc Constant Rate"),
                new FlowSetup(T0, true, RateUnits.KILOGRAMS_PER_HECTARE),
                new SwathingSetup(T0, 21.336, 0),
                new BoomSections(T0, List.of(3.5, 4.25, 3.5)),
                new JobName(T0, "1042", "NORTH 40"),
                new JobInfo(T0, "CROP", "wheat"),
                new TargetRate(T0, 0, 20.5),
                new GpsStatus(T0 + 100, 2, 12, 0.86, 1.52, 2.5),
                new SwathNumber(T0 + 200, 17, true),
                position(T0 + 200, false),
                enhanced(T0 + 400),
                new FlowMonitor(T0 + 1000, 144.125, 1234.56, true),
                new AppliedRate(T0 + 1000, 1, 19.875),
                new Marker(T0 + 1200, 38.5, -98.0, 131, "START"),
                new OpaqueRecord(RecordType.WIND.id(), new byte[] {1, 2, 3}),
                new OpaqueRecord(RecordType.MARKER_UNICODE.id(), new byte[0]));
    }

    static byte[] log(List<? extends LogRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SatlocWriter w = SatlocWriter.create(out)) {
            for (LogRecord r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
