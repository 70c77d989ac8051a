package io.taskqueue.cli.migrate;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.cli.TrackerTables;
import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.postgres.Migration;
import io.taskqueue.postgres.Migrations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taskqueue migrate}: brings the tracker's tables up to date (the tracker's own migrations,
 * one transaction under its advisory lock, safe while applications start); {@code --status} shows
 * which are applied and which pending, and changes nothing.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the task tracker's migrations to its database; --status shows applied and pending ones.")
public final class MigrateCommand extends DatabaseCommand {
    @Option(names = "--status", description = "Show the applied and pending migrations; change nothing.")
    boolean status;

    /**
     * {@code migrate --json} output.
     *
     * @param applied the versions this run applied (empty when up to date)
     * @param version the schema's version now
     */
    public record Applied(List<Integer> applied, int version) {
    }

    /**
     * {@code migrate --status --json} output.
     *
     * @param latestVersion the latest version this taskqueue knows
     * @param migrations every migration with its state
     */
    public record Status(int latestVersion, List<MigrationState> migrations) {
    }

    /**
     * One migration's state.
     *
     * @param version its number
     * @param name what it does
     * @param applied whether the database has it
     * @param appliedAt when it was applied, or {@code null}
     */
    public record MigrationState(int version, String name, boolean applied, String appliedAt) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        return status ? status(ctx, session) : apply(ctx, session);
    }

    private static int apply(CliContext ctx, TrackerSession session) {
        ctx.guardWrite("migrate the task tracker's tables in " + session.describe());
        List<Integer> applied = Migrations.apply(session.dataSource(), session.schema());
        int version = Migrations.latestVersion();
        ctx.output().print(new Applied(applied, version), applied.isEmpty()
                ? session.describe() + " is up to date (version " + version + ")"
                : "applied " + (applied.size() == 1 ? "version " : "versions ") + range(applied) + " to "
                        + session.describe() + " (now at version " + version + ")");
        return 0;
    }

    private static int status(CliContext ctx, TrackerSession session) {
        Map<Integer, TrackerTables.Applied> applied;
        try {
            applied = TrackerTables.applied(session.dataSource(), session.schema()).stream()
                    .collect(Collectors.toMap(TrackerTables.Applied::version, Function.identity()));
        } catch (SQLException e) {
            throw session.failure(e);
        }
        List<MigrationState> states = new ArrayList<>();
        Output.Table table = new Output.Table("VERSION", "NAME", "STATE", "APPLIED AT");
        for (Migration m : Migrations.all()) {
            TrackerTables.Applied a = applied.get(m.version());
            states.add(new MigrationState(m.version(), m.name(), a != null, a == null ? null : Cells.exact(a.appliedAt())));
            table.row(m.version(), m.name(), a != null ? "applied" : "pending", a == null ? null : Cells.time(a.appliedAt()));
        }
        ctx.output().print(new Status(Migrations.latestVersion(), states), table);
        return 0;
    }

    /** {@code 1..9}, or {@code 4} for one. */
    private static String range(List<Integer> versions) {
        int first = versions.get(0);
        int last = versions.get(versions.size() - 1);
        return first == last ? String.valueOf(first) : first + ".." + last;
    }
}
