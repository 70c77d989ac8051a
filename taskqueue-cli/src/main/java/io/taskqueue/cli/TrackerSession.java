package io.taskqueue.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.BackendException;
import io.taskqueue.TaskQueue;
import io.taskqueue.postgres.DeadLetters;
import io.taskqueue.postgres.Migrations;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.spi.Backends;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The tracker's database for one run: the connection pool, a standalone tracker for reading, and,
 * for replays, a task queue on the {@code --url} backend with a tracker installed. Each is opened on
 * first use and closed by {@link CliContext#close()} at the end of the run. Nothing it opens writes:
 * the trackers never migrate (that is {@code taskqueue migrate}'s job), and with {@code --read-only}
 * the connections themselves are read-only.
 */
public final class TrackerSession implements AutoCloseable {
    private final DatabaseUrl url;
    private final String schema;
    private final boolean readOnly;
    private final Supplier<String> backendUrl;
    private final CliContext context;
    private HikariDataSource pool;
    private TaskTracker reader;
    private TaskQueue replayQueue;
    private TaskTracker replaying;
    private boolean tablesChecked;

    TrackerSession(DatabaseUrl url, String schema, boolean readOnly, Supplier<String> backendUrl, CliContext context) {
        try {
            TaskTrackerOptions.checkSchema(schema);
        } catch (IllegalArgumentException e) {
            throw new CliException("--schema must be a plain identifier (letters, digits, _): " + schema);
        }
        this.url = url;
        this.schema = schema;
        this.readOnly = readOnly;
        this.backendUrl = backendUrl;
        this.context = context;
    }

    /** The database as messages name it: the URL (password masked) and the schema, if any. */
    public String describe() {
        return url.display() + (schema == null ? "" : " (schema " + schema + ")");
    }

    /** The schema of the tracker's tables, or {@code null} for the connections' search_path. */
    public String schema() {
        return schema;
    }

    /** The pool; the first call connects, failing with one line when the database cannot be reached. */
    public DataSource dataSource() {
        if (pool == null) {
            pool = TrackerPool.open(url, readOnly);
        }
        return pool;
    }

    /**
     * A standalone tracker on the run's clock: reads, archives, purges and dry runs. Fails with
     * what to do when the tracker's tables are missing, and notes pending migrations.
     */
    public TaskTracker reader() {
        if (reader == null) {
            checkTables();
            reader = TaskTracker.standalone(dataSource(), options(), context.clock());
        }
        return reader;
    }

    /**
     * The dead-letter queue of a tracker installed on a task queue of the {@code --url} backend, so
     * that replays go through its job queues. No worker is started.
     */
    public DeadLetters replayingDeadLetters() {
        if (replaying == null) {
            checkTables();
            TaskTracker tracker = TaskTracker.create(dataSource(), options());
            String backend = backendUrl.get();
            try {
                // A failed build closes the extensions it installed, the tracker included.
                replayQueue = TaskQueue.builder().backend(backend).clock(context.clock()).extension(tracker).build();
            } catch (BackendException | IllegalArgumentException e) {
                tracker.close();
                throw new CliException("cannot open " + Backends.maskPassword(backend) + ": " + e.getMessage(), e);
            }
            replaying = tracker;
        }
        return replaying.deadLetters();
    }

    /** The names of the queues the tracker has executions of. */
    public List<String> queueNames() {
        checkTables();
        try {
            return TrackerTables.queueNames(dataSource(), schema);
        } catch (SQLException e) {
            throw TrackerErrors.of(e, this);
        }
    }

    /** {@code e}, a failed query on this database, as the one line to print. */
    public CliException failure(Throwable e) {
        return TrackerErrors.of(e, this);
    }

    private TaskTrackerOptions options() {
        return TaskTrackerOptions.builder().schema(schema).migrate(false).build();
    }

    private void checkTables() {
        if (tablesChecked) {
            return;
        }
        try {
            if (!TrackerTables.hasTrackerTable(dataSource(), schema)) {
                throw new CliException("no task tracker tables in " + describe() + ": run taskqueue migrate"
                        + (schema == null ? "" : " --schema " + schema) + " first");
            }
            int applied = TrackerTables.applied(dataSource(), schema).stream()
                    .mapToInt(TrackerTables.Applied::version).max().orElse(0);
            if (applied < Migrations.latestVersion()) {
                context.err().println("taskqueue: note: the tracker's tables are at version " + applied + " of "
                        + Migrations.latestVersion() + "; run taskqueue migrate");
            }
            tablesChecked = true;
        } catch (SQLException e) {
            throw TrackerErrors.of(e, this);
        }
    }

    @Override
    public void close() {
        // The task queue closes its tracker; both before the pool they use.
        if (replayQueue != null) {
            replayQueue.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (pool != null) {
            pool.close();
        }
    }
}
