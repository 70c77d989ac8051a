package io.taskqueue.testing.junit;

import io.taskqueue.servers.PostgresServer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.sql.DataSource;

/**
  * A schema private to one test, e.g. {@code tq_test_1f2e3d4c}, so tests can share one Postgres
  * (even an external one) without seeing each other's tables.
  *
  * <p>{@link PostgresExtension} creates it before the test uses it and drops it with
  * {@code CASCADE} afterwards.
  *
  * @param name       the schema name: lower case, safe to splice into SQL unquoted
  * @param dataSource connections whose {@code search_path} is this schema only, so unqualified
  *                   names create and find tables here
  * @param server     the server the schema lives on
  */
public record PostgresTestSchema(String name, DataSource dataSource, PostgresServer server) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates the components. */
    public PostgresTestSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(server, "server");
    }

    /** Creates a fresh schema {@code tq_test_<8 hex digits>} on the server. */
    public static PostgresTestSchema create(PostgresServer server) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String name = "tq_test_" + HexFormat.of().formatHex(bytes);
        server.createSchema(name);
        return new PostgresTestSchema(name, server.dataSource(name), server);
    }

    /** {@code <schema>.<name>}, for SQL that must not depend on the search path. */
    public String qualify(String name) {
        return this.name + "." + name;
    }

    /** Drops the schema and everything in it. */
    public void drop() {
        server.dropSchema(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
