package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.FlightPlan;
import io.taskqueue.satloc.internal.Leg;
import io.taskqueue.satloc.internal.LocalProjection;
import io.taskqueue.satloc.internal.RectangleUnion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Generates realistic logs with their ground truth: taxi, take-off, ferry, back-and-forth spray
 * passes over a trapezoid field with spray off in the turns, GPS noise (a slowly wandering error,
 * as real receivers show), an optional GPS outage, landing, and a reload between loads.
 *
 * <p>Deterministic for given settings. Records are streamed, so very long flights (benchmarks)
 * need no memory. Emitted values are already rounded to the format's resolution, so a
 * write-then-parse round trip returns equal records.
 */
public final class FlightSimulator {

    private final SimulationSettings settings;
    private final FlightPlan plan;
    private final LocalProjection projection;

    public FlightSimulator(SimulationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.plan = new FlightPlan(settings);
        this.projection = new LocalProjection(settings.originLat(), settings.originLon());
    }

    /** @return the field boundary as WGS84 vertices, 6-decimal rounded like a job file */
    public List<GeoPoint> field() {
        List<GeoPoint> out = new ArrayList<>();
        for (double[] c : plan.field()) {
            out.add(new GeoPoint(Math.round(projection.latitude(c[0], c[1]) * 1e6) / 1e6,
                    Math.round(projection.longitude(c[0], c[1]) * 1e6) / 1e6));
        }
        return out;
    }

    /** Streams every record to {@code sink} in log order and returns what was flown. */
    public GroundTruth run(Consumer<? super LogRecord> sink) {
        SampleEmitter emitter = new SampleEmitter(settings, projection, sink);
        long t = 0;
        double material = 0;
        List<Leg> legs = plan.legs();
        int firstFerry = legs.indexOf(legs.stream().filter(l -> l.kind() == Leg.Kind.FERRY).findFirst().orElseThrow());
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            emitter.leg(leg, t, material, i == firstFerry);
            if (leg.kind() == Leg.Kind.SPRAY) {
                material += settings.targetRate() * settings.swathWidthM() * leg.length() / 10_000.0;
            }
            t += leg.durationMillis();
        }
        emitter.finish(legs.get(legs.size() - 1), t, material);
        return truth(emitter, material);
    }

    /** @return all records in memory with the truth; for test-sized flights */
    public SimulatedFlight simulate() {
        List<LogRecord> records = new ArrayList<>();
        GroundTruth truth = run(records::add);
        return new SimulatedFlight(records, truth, field());
    }

    /** Writes the flight to {@code file} and returns what was flown. */
    public GroundTruth writeLog(Path file) throws IOException {
        try (SatlocWriter w = SatlocWriter.create(file)) {
            return run(r -> {
                try {
                    w.write(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private GroundTruth truth(SampleEmitter emitter, double material) {
        double flight = 0;
        double spray = 0;
        double ferry = 0;
        double turn = 0;
        double total = 0;
        double sprayed = 0;
        int passes = 0;
        TreeSet<Integer> swaths = new TreeSet<>();
        for (Leg leg : plan.legs()) {
            double secs = leg.durationMillis() / 1000.0;
            total += leg.length();
            switch (leg.classified()) {
                case SPRAY:
                    spray += secs;
                    flight += secs;
                    sprayed += leg.length();
                    passes++;
                    swaths.add(leg.swath());
                    break;
                case FERRY:
                    ferry += secs;
                    flight += secs;
                    break;
                case TURN:
                    turn += secs;
                    flight += secs;
                    break;
                default:
                    break;
            }
        }
        double width = settings.swathWidthM();
        return new GroundTruth(emitter.records(), emitter.positions(), flight, spray, ferry, turn, total, sprayed,
                sprayed * width / 10_000, RectangleUnion.area(plan.swathRects()) / 10_000, material, passes,
                new ArrayList<>(swaths), emitter.outages(), emitter.outageSeconds(), fieldArea() / 10_000);
    }

    private double fieldArea() {
        double[][] f = plan.field();
        double a = 0;
        for (int i = 0; i < f.length; i++) {
            double[] p = f[i];
            double[] q = f[(i + 1) % f.length];
            a += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(a) / 2;
    }
}
