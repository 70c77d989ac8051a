package io.taskqueue.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the command line reads from the tracker's tables directly because the tracker's API does not
 * offer it: the applied migrations ({@code Migrations.apply} applies them but lists none), whether
 * the tables exist, and the names of the queues with executions. Reads only.
 */
public final class TrackerTables {
    /** The tracker's table of executions. */
    static final String TRACKERS = "task_trackers";
    /** Where the tracker records applied migrations. */
    static final String MIGRATIONS = "task_tracker_migrations";

    private TrackerTables() {
    }

    /**
     * One applied migration.
     *
     * @param version its number
     * @param name its name
     * @param appliedAt when it was applied
     */
    public record Applied(int version, String name, Instant appliedAt) {
    }

    /** The applied migrations, oldest first; empty when none ever ran here. */
    public static List<Applied> applied(DataSource dataSource, String schema) throws SQLException {
        List<Applied> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, schema, MIGRATIONS)) {
                return applied;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT version, name, applied_at FROM "
                    + qualified(schema, MIGRATIONS) + " ORDER BY version");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    applied.add(new Applied(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return applied;
    }

    /** Whether the executions table is there (the first migration ran). */
    static boolean hasTrackerTable(DataSource dataSource, String schema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return exists(c, schema, TRACKERS);
        }
    }

    /** The queues the tracker has executions of, by name. */
    static List<String> queueNames(DataSource dataSource, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT queue_name FROM "
                        + qualified(schema, TRACKERS) + " ORDER BY queue_name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified(schema, table));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** As the tracker names its tables: quoted schema (a checked plain identifier), bare table. */
    private static String qualified(String schema, String table) {
        return schema == null ? table : '"' + schema + "\"." + table;
    }
}
