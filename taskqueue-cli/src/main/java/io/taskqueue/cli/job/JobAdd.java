package io.taskqueue.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Durations;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue job add}: adds one job and prints its id. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a job and print its id.")
public final class JobAdd implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "NAME", description = "The job name (selects the handler).")
    String name;

    @Option(names = "--data", required = true, paramLabel = "JSON", converter = JsonConverter.class,
            description = "The payload, one JSON document, e.g. '{\"to\":\"ada@example.com\"}'.")
    JsonNode data;

    @Option(names = "--delay", paramLabel = "D", converter = Durations.class,
            description = "Run no sooner than this from now: 1500 (ms), 500ms, 30s, 5m, 2h, 1d.")
    Duration delay;

    @Option(names = "--priority", paramLabel = "P",
            description = "1 (highest) to " + JobOptions.MAX_PRIORITY + "; 0 or absent for none.")
    int priority;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "1",
            description = "Tries in all, the first included (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--job-id", paramLabel = "ID",
            description = "A custom id (not an integer); an existing job with it is kept and its id printed.")
    String jobId;

    @Override
    public Integer call() {
        JobOptions options = options();
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("add a job to queue " + queue);
        JobQueue q = ctx.queue(queue);
        String id = q.add(name, data, options);
        ctx.output().print(new JobActionResult(q.name(), id, "added", q.getState(id).wireName()), id);
        return 0;
    }

    /** The options, checked before anything is sent: a bad one is a usage error. */
    private JobOptions options() {
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the job name must not be blank");
        }
        try {
            return JobOptions.builder().jobId(jobId).delay(delay).priority(priority).attempts(attempts).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
