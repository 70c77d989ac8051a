package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.Json;
import java.util.List;
import java.util.Locale;

/** Formats a parse summary and statistics for the CLI, as an aligned table or as JSON. */
final class CliReport {

    private CliReport() {
    }

    static String table(String file, ParseSummary p, FlightStatistics s) {
        StringBuilder b = new StringBuilder();
        FlightMetadata m = s.metadata();
        String material = m.units() == null ? "" : " " + m.units().materialUnit();
        String rate = m.units() == null ? "" : " " + m.units().materialUnit() + "/" + m.units().areaUnit();
        row(b, "file", file);
        row(b, "format version", String.format(Locale.ROOT, "%d.%02d", p.formatVersion() / 100, p.formatVersion() % 100));
        row(b, "records", String.format(Locale.ROOT, "%,d accepted, %,d rejected, %,d skipped (%.2f %% accepted)",
                p.accepted(), p.rejected(), p.skipped(), p.acceptanceRatio() * 100));
        row(b, "time range", s.firstFix() == null ? "-" : s.firstFix() + " .. " + s.lastFix());
        row(b, "flight time", hms(s.flightTimeS()));
        row(b, "spray time", hms(s.sprayTimeS()));
        row(b, "ferry time", hms(s.ferryTimeS()));
        row(b, "turn time", hms(s.turnTimeS()));
        row(b, "total distance", String.format(Locale.ROOT, "%.2f km", s.totalDistanceM() / 1000));
        row(b, "sprayed distance", String.format(Locale.ROOT, "%.2f km", s.sprayedDistanceM() / 1000));
        row(b, "sprayed area", String.format(Locale.ROOT, "%.2f ha", s.sprayedAreaHa()));
        row(b, "covered area", String.format(Locale.ROOT, "%.2f ha", s.coveredAreaHa()));
        row(b, "overlap", String.format(Locale.ROOT, "%.1f %%", s.overlapPercent()));
        row(b, "material applied", String.format(Locale.ROOT, "%.2f%s", s.materialApplied(), material));
        row(b, "average rate", String.format(Locale.ROOT, "%.2f%s", s.averageRate(), rate));
        row(b, "spray passes", String.valueOf(s.sprayPasses()));
        row(b, "swath numbers", swaths(s.swathNumbers()));
        BoundingBox bb = s.boundingBox();
        row(b, "bounding box", bb == null ? "-" : String.format(Locale.ROOT, "%.6f,%.6f .. %.6f,%.6f",
                bb.minLatitude(), bb.minLongitude(), bb.maxLatitude(), bb.maxLongitude()));
        row(b, "speed", String.format(Locale.ROOT, "max %.1f m/s, airborne avg %.1f m/s, spraying avg %.1f m/s",
                s.maxSpeedMps(), s.averageAirborneSpeedMps(), s.averageSpraySpeedMps()));
        row(b, "GPS gaps", String.format(Locale.ROOT, "%d (%.1f s total, longest %.1f s)", s.gpsGaps(), s.gpsGapTimeS(),
                s.longestGpsGapS()));
        row(b, "pilot", m.pilot());
        row(b, "aircraft", m.aircraft());
        row(b, "controller", m.controller());
        row(b, "material type", m.materialType());
        row(b, "job", m.jobId() == null ? null : m.jobId() + " " + m.jobName());
        int shown = 0;
        for (Rejection r : p.rejections()) {
            if (shown++ == 10) {
                b.append(String.format(Locale.ROOT, "... %,d more rejections%n", p.rejected() - 10));
                break;
            }
            b.append(String.format(Locale.ROOT, "rejected at byte %,d: %s%n", r.offset(), r.reason()));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-17s %s%n", label, value == null ? "-" : value));
    }

    private static String hms(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d (%.1f s)", s / 3600, s / 60 % 60, s % 60, seconds);
    }

    private static String swaths(List<Integer> n) {
        if (n.isEmpty()) {
            return "-";
        }
        return n.size() + " distinct, " + n.get(0) + ".." + n.get(n.size() - 1);
    }

    static String json(String file, ParseSummary p, FlightStatistics s) {
        Json j = new Json().begin().field("file", file).field("formatVersion", p.formatVersion());
        j.object("records").field("accepted", p.accepted()).field("rejected", p.rejected())
                .field("skipped", p.skipped()).field("bytesRead", p.bytesRead());
        j.beginArray("rejections");
        for (Rejection r : p.rejections()) {
            j.begin().field("offset", r.offset()).field("reason", r.reason()).end();
        }
        j.endArray().end();
        j.object("statistics").field("positions", s.positions())
                .field("firstFix", s.firstFix() == null ? null : s.firstFix().toString())
                .field("lastFix", s.lastFix() == null ? null : s.lastFix().toString())
                .field("flightTimeS", s.flightTimeS()).field("sprayTimeS", s.sprayTimeS())
                .field("ferryTimeS", s.ferryTimeS()).field("turnTimeS", s.turnTimeS())
                .field("totalDistanceM", s.totalDistanceM()).field("sprayedDistanceM", s.sprayedDistanceM())
                .field("sprayedAreaHa", s.sprayedAreaHa()).field("coveredAreaHa", s.coveredAreaHa())
                .field("overlapPercent", s.overlapPercent()).field("materialApplied", s.materialApplied())
                .field("averageRate", s.averageRate()).field("sprayPasses", s.sprayPasses());
        j.beginArray("swathNumbers");
        for (int n : s.swathNumbers()) {
            j.value(n);
        }
        j.endArray();
        BoundingBox bb = s.boundingBox();
        if (bb != null) {
            j.object("boundingBox").field("minLatitude", bb.minLatitude()).field("minLongitude", bb.minLongitude())
                    .field("maxLatitude", bb.maxLatitude()).field("maxLongitude", bb.maxLongitude()).end();
        }
        j.field("maxSpeedMps", s.maxSpeedMps()).field("averageAirborneSpeedMps", s.averageAirborneSpeedMps())
                .field("averageSpraySpeedMps", s.averageSpraySpeedMps()).field("gpsGaps", s.gpsGaps())
                .field("gpsGapTimeS", s.gpsGapTimeS()).field("longestGpsGapS", s.longestGpsGapS()).end();
        FlightMetadata m = s.metadata();
        j.object("metadata").field("pilot", m.pilot()).field("aircraft", m.aircraft())
                .field("controller", m.controller()).field("materialType", m.materialType())
                .field("units", m.units() == null ? null : m.units().name()).field("jobId", m.jobId())
                .field("jobName", m.jobName()).end();
        return j.end().toString() + System.lineSeparator();
    }
}
