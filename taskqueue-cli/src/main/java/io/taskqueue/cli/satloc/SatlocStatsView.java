package io.taskqueue.cli.satloc;

import io.taskqueue.satloc.BoundingBox;
import io.taskqueue.satloc.FlightMetadata;
import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.ParseSummary;
import java.util.List;
import java.util.Locale;

/**
 * {@code taskqueue satloc stats --json}: the parse summary and the statistics of one log (shape
 * documented in docs/cli.md).
 *
 * @param file the log as named on the command line
 * @param formatVersion the header's format version as text, e.g. {@code "3.76"} (stored as 376)
 * @param records what the parser accepted, rejected and skipped
 * @param statistics the flight's statistics
 * @param metadata pilot, aircraft, controller, material and job
 */
public record SatlocStatsView(String file, String formatVersion, Records records, Statistics statistics,
        Metadata metadata) {

    /** The view of one parsed log. */
    static SatlocStatsView of(String file, ParseSummary p, FlightStatistics s) {
        Records records = new Records(p.accepted(), p.rejected(), p.skipped(), p.bytesRead(),
                p.rejections().stream().map(r -> new Rejection(r.offset(), r.reason())).toList());
        BoundingBox bb = s.boundingBox();
        Statistics statistics = new Statistics(s.positions(), text(s.firstFix()), text(s.lastFix()), s.flightTimeS(),
                s.sprayTimeS(), s.ferryTimeS(), s.turnTimeS(), s.totalDistanceM(), s.sprayedDistanceM(),
                s.sprayedAreaHa(), s.coveredAreaHa(), s.overlapPercent(), s.materialApplied(), s.averageRate(),
                s.sprayPasses(), s.swathNumbers(), bb == null ? null
                        : new Box(bb.minLatitude(), bb.minLongitude(), bb.maxLatitude(), bb.maxLongitude()),
                s.maxSpeedMps(), s.averageAirborneSpeedMps(), s.averageSpraySpeedMps(), s.gpsGaps(), s.gpsGapTimeS(),
                s.longestGpsGapS());
        FlightMetadata m = s.metadata();
        Metadata metadata = new Metadata(m.pilot(), m.aircraft(), m.controller(), m.materialType(),
                m.units() == null ? null : m.units().name(), m.jobId(), m.jobName());
        return new SatlocStatsView(file, formatVersion(p.formatVersion()), records, statistics, metadata);
    }

    /**
     * The format version as people write it: the header stores it times 100 (376), the format's
     * documents call it 3.76.
     */
    static String formatVersion(int timesHundred) {
        return String.format(Locale.ROOT, "%d.%02d", timesHundred / 100, timesHundred % 100);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Record counts.
     *
     * @param accepted records decoded
     * @param rejected corrupt frames and unsynchronised byte runs
     * @param skipped well-framed records of unregistered types
     * @param bytesRead bytes consumed, header included
     * @param rejections the first rejections, in input order
     */
    public record Records(long accepted, long rejected, long skipped, long bytesRead, List<Rejection> rejections) {
    }

    /**
     * One rejection.
     *
     * @param offset byte offset where the rejected bytes start
     * @param reason why they were rejected
     */
    public record Rejection(long offset, String reason) {
    }

    /** The statistics of {@link FlightStatistics}, instants as ISO-8601 text. */
    public record Statistics(long positions, String firstFix, String lastFix, double flightTimeS, double sprayTimeS,
            double ferryTimeS, double turnTimeS, double totalDistanceM, double sprayedDistanceM, double sprayedAreaHa,
            double coveredAreaHa, double overlapPercent, double materialApplied, double averageRate, int sprayPasses,
            List<Integer> swathNumbers, Box boundingBox, double maxSpeedMps, double averageAirborneSpeedMps,
            double averageSpraySpeedMps, int gpsGaps, double gpsGapTimeS, double longestGpsGapS) {
    }

    /** The extent of the valid fixes (WGS84 degrees). */
    public record Box(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {
    }

    /** Descriptive fields; each {@code null} when the log lacks its record. */
    public record Metadata(String pilot, String aircraft, String controller, String materialType, String units,
            String jobId, String jobName) {
    }
}
