package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.Migration;
import io.taskqueue.postgres.TrackerException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies migrations in one transaction under a schema-scoped advisory lock. */
public final class MigrationRunner {
    /** First key of the migration lock; the second is the schema's hash. */
    static final int LOCK_NAMESPACE = 0x74_71_00_01;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Jdbi jdbi;

    public MigrationRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Applies the migrations not yet recorded; returns their versions. */
    public List<Integer> apply(List<Migration> migrations) {
        try {
            // DDL is transactional in Postgres, so a failed migration leaves nothing half-done, and the
            // lock (released at commit) makes concurrent starters wait instead of racing on CREATE.
            return jdbi.inTransaction(h -> {
                h.createQuery(Sql.of(MigrationRunner.class, "lock")).bind("namespace", LOCK_NAMESPACE)
                        .mapTo(Long.class).one();
                execute(h, Sql.of(MigrationRunner.class, "create_version_table"));
                Set<Integer> applied = h.createQuery(Sql.of(MigrationRunner.class, "applied_versions"))
                        .mapTo(Integer.class).set();
                List<Integer> done = new ArrayList<>();
                for (Migration m : migrations) {
                    if (applied.contains(m.version())) {
                        continue;
                    }
                    execute(h, m.sql());
                    h.createUpdate(Sql.of(MigrationRunner.class, "record_version"))
                            .bind("version", m.version()).bind("name", m.name()).execute();
                    done.add(m.version());
                }
                if (!done.isEmpty()) {
                    LOG.info("task tracker schema migrated: applied versions {}", done);
                }
                return done;
            });
        } catch (JdbiException e) {
            throw new TrackerException("task tracker migration failed: " + e.getMessage(), e);
        }
    }

    /** Runs DDL as written: Jdbi's parser would treat text in it as bind parameters. */
    private static void execute(Handle h, String sql) {
        try (Statement statement = h.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TrackerException("task tracker migration failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
