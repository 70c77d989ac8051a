package io.taskqueue.cli.satloc;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import io.taskqueue.satloc.FlightSimulator;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.JobRing;
import io.taskqueue.satloc.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue satloc simulate OUT}: writes a sample log and its field as a .job file next to it. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a simulated SatLoc log to OUT and its field to OUT with the extension .job.")
public final class SatlocSimulate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The log to write, e.g. sample.log.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the simulation; the same seed writes the same log (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * {@code --json} output.
     *
     * @param log the log written
     * @param records how many records it holds
     * @param bytes its size
     * @param job the field's job file
     */
    public record Simulated(String log, long records, long bytes, String job) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        SimulationSettings settings = SimulationSettings.defaults().withSeed(seed);
        FlightSimulator simulator = new FlightSimulator(settings);
        Path job = jobFileOf(out);
        Simulated result;
        try {
            GroundTruth truth = simulator.writeLog(out);
            result = new Simulated(out.toString(), truth.records(), Files.size(out), job.toString());
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + FileProblems.reason(e));
        }
        try {
            new JobFile(settings.jobId(), settings.jobName(), List.of(new JobRing("Poly1", true, simulator.field())))
                    .write(job);
        } catch (IOException e) {
            throw new CliException("cannot write " + job + ": " + FileProblems.reason(e));
        }
        ctx.output().print(result, String.format(Locale.ROOT,
                "wrote %s (%,d records, %,d bytes) and field %s%ntry: taskqueue satloc stats %s --svg map.svg --job %s",
                out, result.records(), result.bytes(), job, out, job));
        return 0;
    }

    /** {@code sample.log} → {@code sample.job}, in the same directory. */
    static Path jobFileOf(Path log) {
        String name = log.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return log.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".job");
    }
}
