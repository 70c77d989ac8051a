package io.taskqueue.cli.satloc;

import io.taskqueue.satloc.BoundingBox;
import io.taskqueue.satloc.FlightMetadata;
import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The statistics of one log for people: one labelled line per figure. */
final class SatlocReport {
    /** Rejections listed one by one before the rest is only counted. */
    private static final int SHOWN_REJECTIONS = 10;

    private SatlocReport() {
    }

    /** The report's lines. */
    static List<String> lines(String file, ParseSummary p, FlightStatistics s) {
        List<String> b = new ArrayList<>();
        FlightMetadata m = s.metadata();
        String material = m.units() == null ? "" : " " + m.units().materialUnit();
        String rate = m.units() == null ? "" : " " + m.units().materialUnit() + "/" + m.units().areaUnit();
        row(b, "file", file);
        row(b, "format version", SatlocStatsView.formatVersion(p.formatVersion()));
        row(b, "records", f("%,d accepted, %,d rejected, %,d skipped (%.2f %% accepted)",
                p.accepted(), p.rejected(), p.skipped(), p.acceptanceRatio() * 100));
        row(b, "time range", s.firstFix() == null ? "-" : s.firstFix() + " .. " + s.lastFix());
        row(b, "flight time", hms(s.flightTimeS()));
        row(b, "spray time", hms(s.sprayTimeS()));
        row(b, "ferry time", hms(s.ferryTimeS()));
        row(b, "turn time", hms(s.turnTimeS()));
        row(b, "total distance", f("%.2f km", s.totalDistanceM() / 1000));
        row(b, "sprayed distance", f("%.2f km", s.sprayedDistanceM() / 1000));
        row(b, "sprayed area", f("%.2f ha", s.sprayedAreaHa()));
        row(b, "covered area", f("%.2f ha", s.coveredAreaHa()));
        row(b, "overlap", f("%.1f %%", s.overlapPercent()));
        row(b, "material applied", f("%.2f%s", s.materialApplied(), material));
        row(b, "average rate", f("%.2f%s", s.averageRate(), rate));
        row(b, "spray passes", String.valueOf(s.sprayPasses()));
        row(b, "swath numbers", swaths(s.swathNumbers()));
        BoundingBox bb = s.boundingBox();
        row(b, "bounding box", bb == null ? "-" : f("%.6f,%.6f .. %.6f,%.6f",
                bb.minLatitude(), bb.minLongitude(), bb.maxLatitude(), bb.maxLongitude()));
        row(b, "speed", f("max %.1f m/s, airborne avg %.1f m/s, spraying avg %.1f m/s",
                s.maxSpeedMps(), s.averageAirborneSpeedMps(), s.averageSpraySpeedMps()));
        row(b, "GPS gaps", f("%d (%.1f s total, longest %.1f s)", s.gpsGaps(), s.gpsGapTimeS(), s.longestGpsGapS()));
        row(b, "pilot", m.pilot());
        row(b, "aircraft", m.aircraft());
        row(b, "controller", m.controller());
        row(b, "material type", m.materialType());
        row(b, "job", m.jobId() == null ? null : m.jobId() + " " + m.jobName());
        int shown = 0;
        for (Rejection r : p.rejections()) {
            if (shown++ == SHOWN_REJECTIONS) {
                b.add(f("... %,d more rejections", p.rejected() - SHOWN_REJECTIONS));
                break;
            }
            b.add(f("rejected at byte %,d: %s", r.offset(), r.reason()));
        }
        return b;
    }

    private static void row(List<String> b, String label, String value) {
        b.add(f("%-17s %s", label, value == null ? "-" : value));
    }

    private static String hms(double seconds) {
        long s = Math.round(seconds);
        return f("%d:%02d:%02d (%.1f s)", s / 3600, s / 60 % 60, s % 60, seconds);
    }

    private static String swaths(List<Integer> n) {
        return n.isEmpty() ? "-" : n.size() + " distinct, " + n.get(0) + ".." + n.get(n.size() - 1);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
