package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.Migration;
import io.taskqueue.postgres.TrackerException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies migrations in one transaction under a schema-scoped advisory lock, creating the
 * configured schema first when it does not exist.
 */
public final class MigrationRunner {
    /** First key of the migration lock; the second is the schema name's hash. */
    static final int LOCK_NAMESPACE = 0x74_71_00_01;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Jdbi jdbi;
    private final Sql sql;

    public MigrationRunner(Jdbi jdbi, Sql sql) {
        this.jdbi = jdbi;
        this.sql = sql;
    }

    /** Applies the migrations not yet recorded; returns their versions. */
    public List<Integer> apply(List<Migration> migrations) {
        String schema = sql.tables().schema();
        try {
            // DDL is transactional in Postgres, so a failed migration leaves nothing half-done, and the
            // lock (released at commit) makes concurrent starters wait instead of racing on CREATE.
            return jdbi.inTransaction(h -> {
                h.createQuery(statement("lock")).bind("namespace", LOCK_NAMESPACE).bind("schema", schema)
                        .mapTo(Long.class).one();
                if (schema != null) {
                    useSchema(h, schema);
                } else {
                    checkCurrentSchema(h);
                }
                execute(h, statement("create_version_table"));
                Set<Integer> applied = h.createQuery(statement("applied_versions")).mapTo(Integer.class).set();
                List<Integer> done = new ArrayList<>();
                for (Migration m : migrations) {
                    if (applied.contains(m.version())) {
                        continue;
                    }
                    execute(h, m.sql());
                    h.createUpdate(statement("record_version"))
                            .bind("version", m.version()).bind("name", m.name()).execute();
                    done.add(m.version());
                }
                if (!done.isEmpty()) {
                    LOG.info("task tracker schema {} migrated: applied versions {}",
                            schema != null ? schema : "(search_path)", done);
                }
                return done;
            });
        } catch (JdbiException e) {
            throw new TrackerException("task tracker migration failed: " + e.getMessage(), e);
        }
    }

    /** Creates the configured schema when missing and sends this transaction's unqualified names there. */
    private void useSchema(Handle h, String schema) {
        boolean exists = h.createQuery(statement("schema_exists")).bind("schema", schema).mapTo(Boolean.class).one();
        if (!exists) {
            execute(h, statement("create_schema"));
            LOG.info("task tracker schema {} created", schema);
        }
        execute(h, statement("use_schema"));
    }

    /** Fails clearly where CREATE TABLE would say only "no schema has been selected to create in". */
    private void checkCurrentSchema(Handle h) {
        Map<String, Object> current = h.createQuery(statement("current_schema")).mapToMap().one();
        if (current.get("current_schema") == null) {
            throw new TrackerException("task tracker migration failed: no schema of the connection's search_path ("
                    + current.get("search_path") + ") exists; create it, or set TaskTrackerOptions.schema(name)"
                    + " and the tracker creates it");
        }
    }

    private String statement(String name) {
        return sql.of(MigrationRunner.class, name);
    }

    /** Runs DDL as written: Jdbi's parser would treat text in it as bind parameters. */
    private static void execute(Handle h, String ddl) {
        try (Statement statement = h.getConnection().createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new TrackerException("task tracker migration failed: " + e.getMessage() + "\n" + ddl, e);
        }
    }
}
