package io.taskqueue.docs;

import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.FlightStatisticsCalculator;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.ParserOptions;
import io.taskqueue.satloc.SatlocParser;
import java.io.IOException;
import java.nio.file.Path;

/** docs/satloc-format.md, "Using the module". */
final class SatlocExample {
    private SatlocExample() {
    }

    static FlightStatistics statistics(Path log) throws IOException {
        // tag::parse[]
        SatlocParser parser = SatlocParser.create(ParserOptions.builder()
                .validateChecksums(true).skipUnknownRecords(true).batchSize(1_000).build());
        FlightStatisticsCalculator stats = new FlightStatisticsCalculator();
        ParseSummary summary = parser.parse(log, stats);   // streams, constant memory
        FlightStatistics s = stats.result();
        summary.rejections().forEach(r -> System.out.println(r.offset() + ": " + r.reason()));
        // end::parse[]
        return s;
    }
}
