package io.taskqueue.cli;

import io.taskqueue.cli.dlq.DlqCommand;
import io.taskqueue.cli.job.JobCommand;
import io.taskqueue.cli.migrate.MigrateCommand;
import io.taskqueue.cli.queue.QueueCommand;
import io.taskqueue.cli.satloc.SatlocCommand;
import io.taskqueue.cli.scheduler.SchedulerCommand;
import io.taskqueue.cli.stats.StatsCommand;
import io.taskqueue.cli.tracker.TrackerCommand;
import io.taskqueue.cli.workers.WorkersCommand;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code taskqueue}: the options every command shares, and the command groups. */
@Command(name = "taskqueue", mixinStandardHelpOptions = true, version = "taskqueue 0.1.0-SNAPSHOT",
        description = "Inspect and manage taskqueue queues (Node BullMQ queues too), the task tracker and SatLoc logs.",
        subcommands = {StatsCommand.class, QueueCommand.class, JobCommand.class, WorkersCommand.class,
            SchedulerCommand.class, DlqCommand.class, TrackerCommand.class, MigrateCommand.class, SatlocCommand.class,
            AutoComplete.GenerateCompletion.class})
public final class RootCommand {
    private final TaskqueueCli.Terminal terminal;
    private final Map<String, String> env;
    private final Clock clock;
    private CliContext context;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The backend, e.g. redis://host:6379 or memory: (default: $TASKQUEUE_URL).")
    String url;

    @Option(names = "--prefix", scope = ScopeType.INHERIT, paramLabel = "PREFIX",
            description = "Redis key prefix (default: the URL's prefix parameter, else bull).")
    String prefix;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON for scripts instead of tables.")
    boolean json;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "Do destructive operations without asking (required without a terminal).")
    boolean yes;

    @Option(names = "--read-only", scope = ScopeType.INHERIT,
            description = "Refuse every write before it reaches the server.")
    boolean readOnly;

    RootCommand(TaskqueueCli.Terminal terminal, Map<String, String> env, Clock clock) {
        this.terminal = terminal;
        this.env = env;
        this.clock = clock;
    }

    /** The context of this run, made on first use from the options parsed so far. */
    CliContext context() {
        if (context == null) {
            context = new CliContext(new CliContext.Settings(url, prefix, json, yes, readOnly), terminal, env, clock);
        }
        return context;
    }

    void closeContext() {
        if (context != null) {
            context.close();
        }
    }
}
