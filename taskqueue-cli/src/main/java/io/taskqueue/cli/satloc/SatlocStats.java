package io.taskqueue.cli.satloc;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import io.taskqueue.satloc.FlightMap;
import io.taskqueue.satloc.FlightMetadata;
import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.FlightStatisticsCalculator;
import io.taskqueue.satloc.FlightTrack;
import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.JobRing;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.ParserOptions;
import io.taskqueue.satloc.SatlocFormatException;
import io.taskqueue.satloc.SatlocParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taskqueue satloc stats FILE}: parses a log and prints its statistics, and draws an SVG map
 * with {@code --svg}. Each input is checked on its own so that an error names the file at fault:
 * the job file before the log, the map only once the log is read.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Parse a SatLoc log and print its statistics; --svg draws a map.")
public final class SatlocStats implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The SatLoc air log.")
    Path file;

    @Option(names = "--svg", paramLabel = "OUT", description = "Also write an SVG map of the flight to OUT.")
    Path svg;

    @Option(names = "--job", paramLabel = "FILE", description = "A .job file whose field the map draws.")
    Path job;

    @Option(names = "--no-checksums", description = "Accept records whose checksum does not match.")
    boolean noChecksums;

    @Option(names = "--strict", description = "Reject records of unknown types instead of skipping them.")
    boolean strict;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        List<JobRing> field = job == null ? List.of() : readField(job);
        FlightStatisticsCalculator stats = new FlightStatisticsCalculator();
        FlightTrack track = svg != null ? new FlightTrack() : null;
        ParseSummary summary = parse(stats, track);
        FlightStatistics s = stats.result();
        if (svg != null) {
            writeMap(track, field, s);
        }
        List<String> lines = new ArrayList<>(SatlocReport.lines(file.toString(), summary, s));
        if (svg != null) {
            lines.add("map written to " + svg);
        }
        ctx.output().print(SatlocStatsView.of(file.toString(), summary, s), String.join(System.lineSeparator(), lines));
        if (summary.accepted() == 0) {
            // Not a failure: the file is a SatLoc log, it just holds nothing usable (an aborted
            // flight, a log cut short). Scripts get exit 0 and the empty statistics.
            ctx.err().println("taskqueue: note: " + file + " has no readable records (" + summary.rejected()
                    + " rejected, " + summary.skipped() + " skipped); the statistics are empty");
        }
        return 0;
    }

    private static List<JobRing> readField(Path job) {
        try {
            return JobFile.read(job).rings();
        } catch (IOException e) {
            throw new CliException("cannot read " + job + ": " + FileProblems.reason(e));
        } catch (SatlocFormatException e) {
            // The library's message starts "job file: " for callers that cannot tell; ours names the file.
            String reason = e.getMessage().replaceFirst("^job file: ", "");
            throw new CliException(job + " is not a valid job file: " + reason);
        }
    }

    private ParseSummary parse(FlightStatisticsCalculator stats, FlightTrack track) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new CliException("cannot read " + file + ": not a regular file");
        }
        ParserOptions options = ParserOptions.builder().validateChecksums(!noChecksums)
                .skipUnknownRecords(!strict).build();
        try {
            return SatlocParser.create(options).parse(file, batch -> {
                stats.onBatch(batch);
                if (track != null) {
                    track.onBatch(batch);
                }
            });
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + FileProblems.reason(e));
        } catch (SatlocFormatException e) {
            String reason = e.getMessage().replaceFirst("^not a SatLoc log: ", "");
            throw new CliException(file + " is not a readable SatLoc log: " + reason);
        }
    }

    private void writeMap(FlightTrack track, List<JobRing> field, FlightStatistics s) {
        FlightMetadata m = s.metadata();
        String title = "Job " + (m.jobId() == null ? "?" : m.jobId() + " " + m.jobName()) + " - pilot "
                + (m.pilot() == null ? "?" : m.pilot()) + (s.firstFix() == null ? "" : " - " + s.firstFix());
        try {
            Files.writeString(svg, FlightMap.render(track, field, title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot write " + svg + ": " + FileProblems.reason(e));
        }
    }
}
