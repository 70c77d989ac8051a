package io.taskqueue.cli;

import static org.awaitility.Awaitility.await;

import io.taskqueue.servers.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A login role with a password on the test server, for tests of authentication failures. The test
 * servers trust local connections, which ignores passwords, so for this one role the server's
 * {@code pg_hba.conf} gets a password rule in front (the file is the server's own, next to its data:
 * a private server started by these tests); closing removes the rule and the role.
 */
final class PasswordRole implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresServer server;
    private final String name;
    private final String password;
    private final Path hbaFile;
    private final String originalHba;

    private PasswordRole(PostgresServer server, String name, String password, Path hbaFile, String originalHba) {
        this.server = server;
        this.name = name;
        this.password = password;
        this.hbaFile = hbaFile;
        this.originalHba = originalHba;
    }

    static PasswordRole create(PostgresServer server) throws SQLException, IOException {
        String name = "tq_cli_" + hex(4);
        String password = "pw-" + hex(8);
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        }
        PasswordRole trusted = new PasswordRole(server, name, password, null, null);
        if (trusted.refusesWrongPasswords()) {
            // An external server that asks for passwords already: nothing to change.
            return trusted;
        }
        Path hba;
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        String original = Files.readString(hba);
        Files.writeString(hba, "host all " + name + " all scram-sha-256\n" + original);
        PasswordRole role = new PasswordRole(server, name, password, hba, original);
        reload(server);
        await().atMost(Duration.ofSeconds(10)).until(role::refusesWrongPasswords);
        return role;
    }

    String name() {
        return name;
    }

    String password() {
        return password;
    }

    /** {@code postgres://name:password@host:port/db} for the server, with {@code password} as given. */
    String url(String withPassword) {
        String hostAndDb = server.jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgres://" + name + (withPassword == null ? "" : ":" + withPassword) + "@" + hostAndDb;
    }

    private boolean refusesWrongPasswords() {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), name, password + "-wrong")) {
            return false;
        } catch (SQLException e) {
            return "28P01".equals(e.getSQLState());
        }
    }

    private static void reload(PostgresServer server) throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() throws Exception {
        if (hbaFile != null) {
            Files.writeString(hbaFile, originalHba);
            reload(server);
        }
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + name);
        }
    }
}
