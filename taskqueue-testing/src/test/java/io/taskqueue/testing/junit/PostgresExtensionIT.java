package io.taskqueue.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.servers.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as other modules use it. Ordered, because cleanup is seen by a later test. */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresExtensionIT {

    private static String firstSchema;

    @Test
    @Order(1)
    void tablesLandInThePerTestSchema(PostgresServer postgres, PostgresTestSchema schema)
            throws SQLException {
        assertThat(schema.name()).matches("tq_test_[0-9a-f]{8}");
        assertThat(schema.server()).isSameAs(postgres);
        assertThat(postgres.schemaExists(schema.name())).isTrue();
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE widgets (id int)");
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_schema FROM information_schema.tables WHERE table_name = 'widgets'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(schema.name());
                assertThat(rs.next()).as("only in the test's schema").isFalse();
            }
        }
        firstSchema = schema.name();
    }

    @Test
    @Order(2)
    void theSchemaIsDroppedAfterTheTest(PostgresServer postgres, PostgresTestSchema schema) {
        assertThat(firstSchema).isNotNull();
        assertThat(schema.name()).isNotEqualTo(firstSchema);
        assertThat(postgres.schemaExists(firstSchema)).isFalse();
    }
}
