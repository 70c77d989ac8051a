package io.taskqueue.cli.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.cli.tracker.ExecutionView;
import io.taskqueue.cli.tracker.Sections;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.TaskExecution;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code taskqueue dlq show EXECUTION_ID}: one dead letter with its payload, error, stack and attempt history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One dead letter: payload, last error and stack, every attempt of its task.")
public final class DlqShow extends DatabaseCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "EXECUTION_ID", description = "The dead execution, as dlq ls lists it.")
    UUID executionId;

    /**
     * {@code --json} output.
     *
     * @param execution the dead execution
     * @param payload the job's data as it failed (JSON), or {@code null} when not recorded
     * @param errorStack the last error's stack trace, or {@code null}
     * @param attempts every execution of the task, oldest first (this one included)
     */
    public record Detail(ExecutionView execution, JsonNode payload, String errorStack, List<ExecutionView> attempts) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        DeadLetter letter = session.reader().deadLetters().inspect(executionId).orElseThrow(() -> new CliException(
                "no dead letter " + executionId + " in " + session.describe()));
        TaskExecution e = letter.execution();
        Output.Table fields = new Output.Table("FIELD", "VALUE")
                .row("execution", e.executionId())
                .row("task", e.taskId())
                .row("queue", e.queueName())
                .row("job", e.jobId() + (e.jobName() == null ? "" : " (" + e.jobName() + ")"))
                .row("status", e.status().wireName())
                .row("attempt", e.attempt() + (e.maxAttempts() == null ? "" : " of " + e.maxAttempts()))
                .row("failed", Cells.time(e.failedAt()))
                .row("category", e.errorCategory())
                .row("error", Cells.error(e.errorMessage()))
                .row("replays", e.replays())
                .row("replayed to", e.replayedTo())
                .row("payload", letter.payloadJson());
        Output.Table attempts = new Output.Table("ATTEMPT", "EXECUTION", "STATUS", "ENQUEUED", "CATEGORY", "ERROR");
        for (TaskExecution a : letter.attempts()) {
            attempts.row(a.attempt(), a.executionId(), a.status().wireName(), Cells.time(a.enqueuedAt()),
                    a.errorCategory(), Cells.error(a.errorMessage()));
        }
        Sections.print(ctx, new Detail(ExecutionView.of(e), payload(letter.payloadJson()), e.errorStack(),
                letter.attempts().stream().map(ExecutionView::of).toList()), fields, attempts);
        if (!ctx.json() && e.errorStack() != null) {
            ctx.output().print(null, System.lineSeparator() + e.errorStack().stripTrailing());
        }
        return 0;
    }

    /** The payload as JSON, so scripts need not parse a string; text that is not JSON stays text. */
    private static JsonNode payload(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
