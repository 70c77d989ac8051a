package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pure unit tests for URL handling and the RESP encoder; no server is contacted. */
class UrlParsingTest {

    @Test
    void postgresCredentialsComeFromUrlParameters() {
        String url = "jdbc:postgresql://db:5432/test?user=tq&password=p%40ss&ssl=false";
        assertThat(PostgresServer.urlParameter(url, "user")).contains("tq");
        assertThat(PostgresServer.urlParameter(url, "password")).contains("p@ss");
        assertThat(PostgresServer.urlParameter(url, "currentSchema")).isEmpty();
    }

    @Test
    void nonJdbcPostgresUrlIsRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> PostgresServer.connect("postgres://db/test?password=x", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ServerSettings.POSTGRES_URL)
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("password=x");
    }

    @Test
    void nonRedisUrlIsRejected() {
        assertThatThrownBy(() -> RedisServer.connect("rediss://:secret@host:6380"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://")
                .hasMessageNotContaining("secret");
    }

    @Test
    void respEncodesCommandsAsArraysOfBulkStrings() {
        assertThat(new String(RespClient.encode("SET", "k", "é"), StandardCharsets.UTF_8))
                .isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n");
    }
}
