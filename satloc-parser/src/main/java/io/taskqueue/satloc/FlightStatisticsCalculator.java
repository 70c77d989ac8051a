package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.CoverageRaster;
import io.taskqueue.satloc.internal.LocalProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Accumulates {@link FlightStatistics} from records in log order; plug it into
 * {@link SatlocParser#parse} as the handler. Memory is constant except for the covered-area raster,
 * which grows with the sprayed area. Not thread-safe.
 */
public final class FlightStatisticsCalculator implements RecordHandler {

    private static final double M2_PER_HA = 10_000.0;

    private final StatisticsOptions options;
    private final CoverageRaster coverage;
    private final TreeSet<Integer> swaths = new TreeSet<>();
    private LocalProjection projection;
    private long positions;
    private long firstMillis = Long.MIN_VALUE;
    private long lastMillis;
    private boolean hasPrev;
    private long prevMillis;
    private double prevLat;
    private double prevLon;
    private double prevX;
    private double prevY;
    private boolean prevAirborne;
    private boolean prevSpray;
    private boolean sprayedInFlight;
    private double offStretchS;
    private double flightS;
    private double sprayS;
    private double ferryS;
    private double turnS;
    private double totalM;
    private double airborneM;
    private double sprayedM;
    private double sprayedM2;
    private int passes;
    private double swathWidth;
    private double minLat = Double.POSITIVE_INFINITY;
    private double minLon = Double.POSITIVE_INFINITY;
    private double maxLat = Double.NEGATIVE_INFINITY;
    private double maxLon = Double.NEGATIVE_INFINITY;
    private double maxSpeed;
    private int gaps;
    private double gapS;
    private double longestGapS;
    private double material;
    private double lastTotal = -1;
    private String pilot;
    private String aircraft;
    private String controller;
    private String materialType;
    private RateUnits units;
    private String jobId;
    private String jobName;

    /** Uses {@link StatisticsOptions#defaults()}. */
    public FlightStatisticsCalculator() {
        this(StatisticsOptions.defaults());
    }

    public FlightStatisticsCalculator(StatisticsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.coverage = new CoverageRaster(options.coverageCellM());
    }

    @Override
    public void onBatch(List<LogRecord> batch) {
        for (LogRecord r : batch) {
            accept(r);
        }
    }

    /** Adds one record; records must arrive in log order. */
    public void accept(LogRecord r) {
        if (r instanceof PositionRecord p) {
            fix(p.fix());
        } else if (r instanceof FlowMonitor f) {
            flow(f.totalApplied());
        } else if (r instanceof SwathingSetup s) {
            swathWidth = s.swathWidthM();
        } else if (r instanceof SwathNumber s) {
            swaths.add(s.swath());
        } else if (r instanceof SystemSetup s) {
            pilot = s.pilotName();
            aircraft = s.aircraft();
        } else if (r instanceof ControllerType c) {
            controller = c.name();
        } else if (r instanceof FlowSetup f) {
            materialType = f.dry() ? "dry" : "wet";
            units = f.units();
        } else if (r instanceof JobName j) {
            jobId = j.jobId();
            jobName = j.name();
        }
    }

    private void flow(double total) {
        if (lastTotal >= 0) {
            // A falling total means the controller's counter was reset; the new value is all new material.
            material += total >= lastTotal ? total - lastTotal : total;
        }
        lastTotal = total;
    }

    private void fix(Position f) {
        positions++;
        long t = f.epochMillis();
        if (firstMillis == Long.MIN_VALUE) {
            firstMillis = t;
        }
        lastMillis = t;
        maxSpeed = Math.max(maxSpeed, f.speedMps());
        if (!f.hasFix()) {
            return; // no-fix coordinates are meaningless; the state of the last valid fix carries on
        }
        double lat = f.latitude();
        double lon = f.longitude();
        if (projection == null) {
            projection = new LocalProjection(lat, lon);
        }
        double x = projection.x(lat, lon);
        double y = projection.y(lat, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        boolean airborne = f.speedMps() >= options.airborneSpeedMps();
        boolean spray = f.sprayOn();
        if (hasPrev && t > prevMillis) {
            interval((t - prevMillis) / 1000.0, LocalProjection.distance(prevLat, prevLon, lat, lon), x, y);
        }
        if (spray && !prevSpray) {
            passes++;
        }
        if (prevAirborne && !airborne) {
            ferryS += offStretchS; // landed: whatever followed the last spray was the flight home
            offStretchS = 0;
            sprayedInFlight = false;
        }
        hasPrev = true;
        prevMillis = t;
        prevLat = lat;
        prevLon = lon;
        prevX = x;
        prevY = y;
        prevAirborne = airborne;
        prevSpray = spray;
    }

    private void interval(double dt, double d, double x, double y) {
        totalM += d;
        if (dt > options.gpsGapS()) {
            gaps++;
            gapS += dt;
            longestGapS = Math.max(longestGapS, dt);
        }
        if (prevAirborne) {
            flightS += dt;
            airborneM += d;
        }
        if (prevSpray) {
            sprayS += dt;
            sprayedM += d;
            sprayedM2 += d * swathWidth;
            coverage.addSegment(prevX, prevY, x, y, swathWidth / 2);
            if (sprayedInFlight) {
                turnS += offStretchS;
            } else {
                ferryS += offStretchS;
            }
            offStretchS = 0;
            sprayedInFlight = prevAirborne;
        } else if (prevAirborne) {
            offStretchS += dt;
        }
    }

    /** @return the statistics of everything accepted so far */
    public FlightStatistics result() {
        double ferry = ferryS + offStretchS;
        double covered = coverage.areaM2() / M2_PER_HA;
        double sprayed = sprayedM2 / M2_PER_HA;
        double areaUnits = sprayed / (units == null ? 1.0 : units.hectaresPerAreaUnit());
        boolean any = firstMillis != Long.MIN_VALUE;
        return new FlightStatistics(positions, any ? Instant.ofEpochMilli(firstMillis) : null,
                any ? Instant.ofEpochMilli(lastMillis) : null, flightS, sprayS, ferry, turnS, totalM, sprayedM,
                sprayed, covered, sprayed > 0 ? Math.max(0, (sprayed - covered) / sprayed * 100) : 0, material,
                areaUnits > 0 ? material / areaUnits : 0, passes, new ArrayList<>(swaths),
                minLat <= maxLat ? new BoundingBox(minLat, minLon, maxLat, maxLon) : null, maxSpeed,
                flightS > 0 ? airborneM / flightS : 0, sprayS > 0 ? sprayedM / sprayS : 0, gaps, gapS,
                longestGapS, new FlightMetadata(pilot, aircraft, controller, materialType, units, jobId, jobName));
    }
}
