package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.Leg;
import io.taskqueue.satloc.internal.LocalProjection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Turns the simulator's legs into records: positions on a fixed time grid plus one at every leg
 * boundary (so spray switches are logged when they happen), and the auxiliary records a guidance
 * system interleaves. Values are rounded to the format's resolution here.
 */
final class SampleEmitter {

    private static final long OUTAGE_AT = 8_000;
    private static final long OUTAGE_MILLIS = 4_000;
    private static final long NO_FIX_AT = 25_000;
    private static final long NO_FIX_MILLIS = 3_000;
    private static final double NOISE_TAU_S = 60;
    private static final double GRAVITY = 9.81;

    private final SimulationSettings s;
    private final LocalProjection projection;
    private final Consumer<? super LogRecord> sink;
    private final Random random;
    private long records;
    private long positions;
    private double ex;
    private double ey;
    private long lastSampleMillis = -1;
    private long lastFlowSecond = -1;
    private long lastGpsTenS = -1;
    private long lastRateFiveS = -1;
    private long lastWindHalfMinute = -1;
    private int swath;
    private boolean marked;
    private int outages;
    private double outageSeconds;
    private boolean prevSpray;

    SampleEmitter(SimulationSettings s, LocalProjection projection, Consumer<? super LogRecord> sink) {
        this.s = s;
        this.projection = projection;
        this.sink = sink;
        this.random = new Random(s.seed());
        this.ex = random.nextGaussian() * s.gpsNoiseM();
        this.ey = random.nextGaussian() * s.gpsNoiseM();
    }

    long records() {
        return records;
    }

    long positions() {
        return positions;
    }

    int outages() {
        return outages;
    }

    double outageSeconds() {
        return outageSeconds;
    }

    /** Emits the samples of {@code leg}, which starts at relative time {@code t0}. */
    void leg(Leg leg, long t0, double materialBefore, boolean firstFerry) {
        boolean withOutages = firstFerry && s.gpsOutages() && leg.durationMillis() > NO_FIX_AT + NO_FIX_MILLIS + 2_000;
        if (withOutages) {
            outages = 2;
            outageSeconds = (OUTAGE_MILLIS + NO_FIX_MILLIS) / 1000.0;
        }
        long interval = s.sampleIntervalMillis();
        long end = t0 + leg.durationMillis();
        for (long t = t0; t < end; t = (t / interval + 1) * interval) {
            long in = t - t0;
            if (withOutages && in >= OUTAGE_AT && in < OUTAGE_AT + OUTAGE_MILLIS) {
                continue;
            }
            boolean noFix = withOutages && in >= NO_FIX_AT && in < NO_FIX_AT + NO_FIX_MILLIS;
            double along = (double) in / leg.durationMillis();
            double material = materialBefore;
            if (leg.kind() == Leg.Kind.SPRAY) {
                material += s.targetRate() * s.swathWidthM() * leg.length() * along / 10_000.0;
            }
            sample(t, leg, leg.pose(in), leg.speed(), noFix, material);
        }
    }

    /** The final sample: standing at the end of the last leg. */
    void finish(Leg last, long t, double material) {
        sample(t, last, last.end(), 0, false, material);
        emit(new FlowMonitor(time(t), 0, q(material, 100), false));
    }

    private void sample(long t, Leg leg, double[] pose, double speed, boolean noFix, double material) {
        long time = time(t);
        boolean spray = leg.kind() == Leg.Kind.SPRAY && speed > 0;
        if (t == 0) {
            setup(time);
        }
        if (spray && !prevSpray) {
            swath = leg.swath();
            emit(new SwathNumber(time, swath, false));
            if (!marked) {
                marked = true;
                emit(new Marker(time, lat(pose), lon(pose), 131, "START " + s.jobName()));
            }
        }
        advanceNoise(t);
        emit(position(time, leg, pose, speed, spray, noFix));
        if (t / 1000 != lastFlowSecond || spray != prevSpray) {
            lastFlowSecond = t / 1000;
            emit(new FlowMonitor(time, q(spray ? flowPerMin(speed) : 0, 1000), q(material, 100), spray));
        }
        if (t / 10_000 != lastGpsTenS) {
            lastGpsTenS = t / 10_000;
            emit(new GpsStatus(time, noFix ? 0 : 2, noFix ? 0 : 11, 0.86, 1.52, 2.5));
        }
        if (spray && t / 5_000 != lastRateFiveS) {
            lastRateFiveS = t / 5_000;
            emit(new AppliedRate(time, 0, q(s.targetRate(), 1000)));
        }
        if (t / 30_000 != lastWindHalfMinute) {
            lastWindHalfMinute = t / 30_000;
            // Wind has no decoded layout; it exercises the opaque path in every simulated file.
            emit(new OpaqueRecord(RecordType.WIND.id(), new byte[] {(byte) 0x5E, 0x01, 0x0E, 0x01, 0, 0}));
        }
        prevSpray = spray;
    }

    private void setup(long time) {
        emit(new SystemSetup(time, s.pilot(), s.aircraft()));
        emit(new ControllerType(time, s.controller()));
        emit(new FlowSetup(time, false, RateUnits.LITERS_PER_HECTARE));
        emit(new SwathingSetup(time, q(s.swathWidthM(), 1000), 0));
        emit(new BoomSections(time, List.of(3.5, 3.5, 3.5, 3.5, 3.5)));
        emit(new JobName(time, s.jobId(), s.jobName()));
        emit(new JobInfo(time, "CUSTOMER", "Prairie Farms"));
        emit(new TargetRate(time, 0, q(s.targetRate(), 1000)));
    }

    private LogRecord position(long time, Leg leg, double[] pose, double speed, boolean spray, boolean noFix) {
        positions++;
        double agl = switch (leg.kind()) {
            case GROUND -> 0;
            case SPRAY -> 3;
            case TURN -> 15;
            case FERRY -> 60;
        };
        double heading = (450 - Math.toDegrees(pose[2])) % 360;
        heading = q(heading, 100) >= 360 ? 0 : q(heading, 100);
        Position fix = new Position(time, noFix ? 0 : lat(pose), noFix ? 0 : lon(pose), q(420 + agl, 100),
                q(speed, 100), heading, 0, swath, spray ? Position.FLAG_SPRAY_ON | Position.FLAG_ON_LINE : 0,
                noFix ? 0 : 2, noFix ? 0 : 11, 0.9, 2.5);
        boolean enhanced = s.positionForm() == PositionForm.ENHANCED
                || s.positionForm() == PositionForm.MIXED && positions % 2 == 0;
        if (!enhanced) {
            return fix;
        }
        double roll = leg.turn() == 0 ? 0 : leg.turn() * Math.toDegrees(Math.atan(speed * speed / (GRAVITY * leg.radius())));
        return new EnhancedPosition(fix, q(agl, 100), 0, q(roll, 100), 1.5, q(spray ? flowPerMin(speed) : 0, 1000),
                spray ? q(s.targetRate(), 1000) : 0, 3.5, 270, 24.5, 55, spray ? 0x1F : 0, 1.8, 1.6, spray ? 275 : 0);
    }

    private double flowPerMin(double speed) {
        return s.targetRate() * s.swathWidthM() * speed / 10_000.0 * 60;
    }

    private void advanceNoise(long t) {
        if (lastSampleMillis >= 0 && s.gpsNoiseM() > 0) {
            double rho = Math.exp(-(t - lastSampleMillis) / 1000.0 / NOISE_TAU_S);
            double k = s.gpsNoiseM() * Math.sqrt(1 - rho * rho);
            ex = ex * rho + k * random.nextGaussian();
            ey = ey * rho + k * random.nextGaussian();
        }
        lastSampleMillis = t;
    }

    private double lat(double[] pose) {
        return q(projection.latitude(pose[0] + ex, pose[1] + ey), 1e7);
    }

    private double lon(double[] pose) {
        return q(projection.longitude(pose[0] + ex, pose[1] + ey), 1e7);
    }

    private long time(long t) {
        return s.startMillis() + t;
    }

    private void emit(LogRecord r) {
        records++;
        sink.accept(r);
    }

    private static double q(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
