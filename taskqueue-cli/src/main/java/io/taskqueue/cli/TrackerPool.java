package io.taskqueue.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens the small connection pool of one run, connecting at once so a bad URL or password fails first. */
final class TrackerPool {
    /** Connections: the reads need one; a replaying tracker adds its writer and claimers. */
    private static final int MAX_CONNECTIONS = 4;
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private TrackerPool() {
    }

    /**
     * A pool on {@code url}. With {@code readOnly} every connection is read-only in Postgres itself
     * ({@code readOnlyMode=always} makes the driver mark autocommit statements too), so a write
     * that slipped past the command's guard would still be refused by the server.
     */
    static HikariDataSource open(DatabaseUrl url, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("taskqueue-cli");
        // Named so the driver need not be found through DriverManager's service lookup.
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.addDataSourceProperty("ApplicationName", "taskqueue-cli");
        if (readOnly) {
            config.setReadOnly(true);
            config.addDataSourceProperty("readOnlyMode", "always");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new CliException("cannot connect to the tracker database " + url.display() + ": "
                    + TrackerErrors.reason(e, url.password()));
        }
    }
}
