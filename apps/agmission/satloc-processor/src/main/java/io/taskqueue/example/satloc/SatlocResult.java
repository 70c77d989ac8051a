package io.taskqueue.example.satloc;

import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.Rejection;
import java.time.Instant;
import java.util.List;

/**
 * A processed log: what the parser made of the file and the flight's statistics; stored as the job's
 * result. The statistics are the parser library's own type, so the host app reads the same field
 * names the command line prints.
 *
 * @param logFile the log's path, as the task gave it
 * @param bytes the log's size
 * @param formatVersion the header's format version times 100 (376 is 3.76)
 * @param accepted records decoded
 * @param rejected corrupt frames and unsynchronised byte runs
 * @param skipped well-framed records of types the parser does not know
 * @param firstRejections the first few rejections, with their byte offsets, for the pilot's report
 * @param statistics the flight: time span, flight and spray time, distances, areas, material, GPS gaps
 * @param field the job file's field, or {@code null} when the task named none
 * @param processedAt when the worker finished
 */
public record SatlocResult(String logFile, long bytes, int formatVersion, long accepted, long rejected, long skipped,
        List<Rejection> firstRejections, FlightStatistics statistics, FieldSummary field, Instant processedAt) {

    /** The most rejections a result lists; the counts stay exact. */
    public static final int MAX_LISTED_REJECTIONS = 10;

    /** Copies the list. */
    public SatlocResult {
        firstRejections = List.copyOf(firstRejections);
    }

    static SatlocResult of(String logFile, long bytes, ParseSummary summary, FlightStatistics statistics,
            FieldSummary field, Instant processedAt) {
        List<Rejection> listed = summary.rejections().stream().limit(MAX_LISTED_REJECTIONS).toList();
        return new SatlocResult(logFile, bytes, summary.formatVersion(), summary.accepted(), summary.rejected(),
                summary.skipped(), listed, statistics, field, processedAt);
    }
}
