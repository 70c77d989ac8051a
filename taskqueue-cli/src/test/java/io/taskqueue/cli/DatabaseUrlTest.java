package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The forms of {@code --db}, what the driver gets from each, and that no message shows a password. */
class DatabaseUrlTest {
    @Test
    void aPostgresUriIsTakenApartAndShownWithoutItsPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://ops:s3cr%40t@db.internal:6543/app?sslmode=require", null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/app?sslmode=require");
        assertThat(url.user()).isEqualTo("ops");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.display()).isEqualTo("postgres://ops:***@db.internal:6543/app?sslmode=require");
        assertThat(url.toString()).isEqualTo(url.display());
        assertThat(DatabaseUrl.parse("postgresql://h/app", null)).isEqualTo(
                new DatabaseUrl("jdbc:postgresql://h/app", null, null, "postgresql://h/app"));
    }

    @Test
    void aJdbcUrlKeepsItsParametersButNotItsPassword() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/app?user=ops&password=p+w&ssl=true", null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/app?ssl=true");
        assertThat(url.user()).isEqualTo("ops");
        assertThat(url.password()).isEqualTo("p w");
        assertThat(url.display()).isEqualTo("jdbc:postgresql://h:5432/app?user=ops&password=***&ssl=true");
    }

    @Test
    void thePasswordVariableFillsInOnlyWhenTheUrlHasNone() {
        assertThat(DatabaseUrl.parse("postgres://ops@h/app", "fromenv").password()).isEqualTo("fromenv");
        assertThat(DatabaseUrl.parse("postgres://ops:inurl@h/app", "fromenv").password()).isEqualTo("inurl");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?user=ops", "fromenv").password()).isEqualTo("fromenv");
    }

    @Test
    void anythingElseIsNotAPostgresUrlAndTheMessageHidesThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/app", null)).isInstanceOf(CliException.class)
                .hasMessage("not a Postgres URL: mysql://root:***@h/app (expected jdbc:postgresql://host:5432/db or"
                        + " postgres://user:password@host:5432/db)");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://h/app?password=hunter2", null))
                .hasMessageStartingWith("not a Postgres URL: jdbc:mysql://h/app?password=***");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://ops:hunter2@/app", null))
                .hasMessage("not a Postgres URL: postgres://ops:***@/app: no host (expected jdbc:postgresql://host:5432/db"
                        + " or postgres://user:password@host:5432/db)");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql:app", null)).isInstanceOf(CliException.class);
    }
}
