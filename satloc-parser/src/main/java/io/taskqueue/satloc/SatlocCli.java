package io.taskqueue.satloc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line: {@code java -jar satloc-parser.jar FILE.log [--json] [--svg map.svg] [--job field.job]
 * [--no-checksums] [--strict]}, or {@code --simulate out.log [--seed N]} to write a sample log and
 * its field as {@code out.job}.
 *
 * <p>Exit codes: 0 success, 1 unreadable input or not a SatLoc log (one line on stderr), 2 usage error.
 */
public final class SatlocCli {

    static final String USAGE = "usage: satloc-parser FILE.log [--json] [--svg MAP.svg] [--job FIELD.job] "
            + "[--no-checksums] [--strict]\n       satloc-parser --simulate OUT.log [--seed N]";

    private SatlocCli() {
    }

    /** Runs the CLI and exits the JVM with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the CLI in-process.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArgs a;
        try {
            a = CliArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("satloc-parser: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (a.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            return a.simulate() != null ? simulate(a, out) : analyse(a, out);
        } catch (NoSuchFileException e) {
            err.println("satloc-parser: cannot read " + e.getFile() + ": no such file");
        } catch (IOException e) {
            err.println("satloc-parser: cannot read " + a.file() + ": " + e.getMessage());
        } catch (SatlocFormatException e) {
            err.println("satloc-parser: " + a.file() + " is not a readable SatLoc log: " + e.getMessage());
        }
        return 1;
    }

    private static int simulate(CliArgs a, PrintStream out) throws IOException {
        FlightSimulator sim = new FlightSimulator(SimulationSettings.defaults().withSeed(a.seed()));
        Path log = Path.of(a.simulate());
        GroundTruth truth = sim.writeLog(log);
        String name = log.getFileName().toString();
        Path job = log.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".job");
        SimulationSettings s = SimulationSettings.defaults();
        new JobFile(s.jobId(), s.jobName(), List.of(new JobRing("Poly1", true, sim.field()))).write(job);
        out.printf("wrote %s (%,d records, %,d bytes) and field %s%n", log, truth.records(), Files.size(log), job);
        out.printf("try: java -jar satloc-parser.jar %s --svg map.svg --job %s%n", log, job);
        return 0;
    }

    private static int analyse(CliArgs a, PrintStream out) throws IOException {
        Path file = Path.of(a.file());
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
        }
        ParserOptions options = ParserOptions.builder().validateChecksums(a.checksums())
                .skipUnknownRecords(!a.strict()).build();
        FlightStatisticsCalculator stats = new FlightStatisticsCalculator();
        FlightTrack track = a.svg() != null ? new FlightTrack() : null;
        List<JobRing> field = a.job() != null ? JobFile.read(Path.of(a.job())).rings() : List.of();
        ParseSummary summary = SatlocParser.create(options).parse(file, batch -> {
            stats.onBatch(batch);
            if (track != null) {
                track.onBatch(batch);
            }
        });
        FlightStatistics s = stats.result();
        out.print(a.json() ? CliReport.json(a.file(), summary, s) : CliReport.table(a.file(), summary, s));
        if (track != null) {
            FlightMetadata m = s.metadata();
            String title = "Job " + (m.jobId() == null ? "?" : m.jobId() + " " + m.jobName()) + " - pilot "
                    + (m.pilot() == null ? "?" : m.pilot()) + (s.firstFix() == null ? "" : " - " + s.firstFix());
            Files.writeString(Path.of(a.svg()), FlightMap.render(track, field, title), StandardCharsets.UTF_8);
            if (!a.json()) {
                out.println("map written to " + a.svg());
            }
        }
        return 0;
    }
}
