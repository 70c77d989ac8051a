package io.taskqueue.cli;

import picocli.CommandLine.Option;

/** {@code --db} and {@code --schema}: the tracker's database, for the commands that use it. */
public final class DatabaseOptions {
    /** The environment variable naming the tracker's database when {@code --db} is absent. */
    public static final String URL_VARIABLE = "TASKQUEUE_DB_URL";
    /** The database password, when the URL has none. */
    public static final String PASSWORD_VARIABLE = "TASKQUEUE_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "URL", description = "The tracker's Postgres: postgres://user@host:5432/db"
            + " or jdbc:postgresql://host:5432/db (default: $" + URL_VARIABLE + "; password: $" + PASSWORD_VARIABLE
            + ").")
    String url;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "The schema of the tracker's tables (default: the connection's search_path).")
    String schema;

    /** The URL given with {@code --db}, or {@code null}. */
    public String url() {
        return url;
    }

    /** The schema given with {@code --schema}, or {@code null}. */
    public String schema() {
        return schema;
    }
}
