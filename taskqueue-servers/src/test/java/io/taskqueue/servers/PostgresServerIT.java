package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
  * Private Postgres servers. These start their own servers even when
  * {@value ServerSettings#POSTGRES_URL} is set, because they test exactly the private path.
  */
class PostgresServerIT {

    @Test
    void privateServerWithSchemas() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(ServerSettings.of(Map.of()))) {
            assertThat(postgres.isExternal()).isFalse();
            assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
            assertThat(postgres.version()).matches("\\d+\\.\\d+.*");
            checkSchemaRoundTrip(postgres);

            PostgresServer external = PostgresServer.start(ServerSettings.of(Map.of(
                    ServerSettings.POSTGRES_URL, postgres.jdbcUrl(),
                    ServerSettings.POSTGRES_USER, postgres.user())));
            assertThat(external.isExternal()).isTrue();
            assertThat(external.version()).isEqualTo(postgres.version());
            external.close(); // must not stop the owner's server
            assertThat(postgres.version()).isNotEmpty();
        }
    }

    @Test
    void rootFallbackRunsPostgresAsNobody() throws SQLException {
        assumeTrue(UnprivilegedPostgres.runningAsRoot(), "the setpriv fallback exists for root only");
        try (PostgresServer postgres = PostgresServer.startUnprivileged()) {
            assertThat(postgres.version()).matches("\\d+\\.\\d+.*");
            checkSchemaRoundTrip(postgres);
        }
    }

    @Test
    void unreachableExternalServerFailsNamingTheVariable() {
        int deadPort = LocalProcesses.freePort();
        assertThatThrownBy(() -> PostgresServer.start(ServerSettings.of(Map.of(
                ServerSettings.POSTGRES_URL,
                "jdbc:postgresql://127.0.0.1:" + deadPort + "/x?user=u&password=secret"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServerSettings.POSTGRES_URL)
                .hasMessageContaining("127.0.0.1:" + deadPort)
                .hasMessageNotContaining("secret");
    }

    private static void checkSchemaRoundTrip(PostgresServer postgres) throws SQLException {
        postgres.createSchema("tq_it_schema");
        assertThat(postgres.schemaExists("tq_it_schema")).isTrue();
        try (Connection c = postgres.dataSource("tq_it_schema").getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE jobs (id int PRIMARY KEY)");
            s.execute("INSERT INTO jobs VALUES (1)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tq_it_schema.jobs")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        postgres.dropSchema("tq_it_schema");
        assertThat(postgres.schemaExists("tq_it_schema")).isFalse();
        assertThatThrownBy(() -> postgres.createSchema("bad; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
