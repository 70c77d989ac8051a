package io.taskqueue.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.postgres.TaskTrackerOptions;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The tracker's database: a {@link Jdbi} over the host app's {@code DataSource} (used as it is,
 * never closed) or over a HikariCP pool of its own (closed with it), and the statements naming the
 * configured schema's tables. Brought up to date on open (the schema created if missing) unless
 * {@link TaskTrackerOptions#migrate()} is off.
 */
public final class TrackerDatabase implements AutoCloseable {
    private final Jdbi jdbi;
    private final Sql sql;
    private final HikariDataSource ownedPool;

    private TrackerDatabase(DataSource dataSource, TaskTrackerOptions options, HikariDataSource ownedPool) {
        this.ownedPool = ownedPool;
        this.sql = new Sql(new Tables(options.schema()));
        if (options.migrate()) {
            MigrationScripts.apply(dataSource, options.schema());
        }
        // No PostgresPlugin: it probes the large-object API on every handle, a round trip per call
        // for nothing the tracker uses. UUIDs and java.time values bind through the driver as is.
        this.jdbi = Jdbi.create(dataSource);
        // Writes share one parameter map per kind and not every statement uses every entry.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /** The host app's {@code dataSource}, never closed here. */
    public static TrackerDatabase on(DataSource dataSource, TaskTrackerOptions options) {
        return new TrackerDatabase(dataSource, options, null);
    }

    /**
     * A pool of its own on {@code jdbcUrl}, closed with this database. Its connection timeout is
     * the sync timeout, so a pool waiting for a connection never outlasts the bound of a sync call.
     */
    public static TrackerDatabase pool(String jdbcUrl, String user, String password, TaskTrackerOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setConnectionTimeout(Math.max(250, options.syncTimeout().toMillis()));
        config.setPoolName("task-tracker-pool");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new TrackerDatabase(pool, options, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The statements, with the tables of the configured schema. */
    public Sql sql() {
        return sql;
    }

    /** Closes the pool when it is this database's own; a handed-in data source stays open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
