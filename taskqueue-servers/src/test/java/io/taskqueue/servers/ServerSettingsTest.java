package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure unit tests for reading the environment. */
class ServerSettingsTest {

    @Test
    void unsetMeansStartPrivateServers() {
        ServerSettings settings = ServerSettings.of(Map.of());
        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.postgresUrl()).isEmpty();
        assertThat(settings.path()).isEmpty();
    }

    @Test
    void blankCountsAsUnset() {
        ServerSettings settings = ServerSettings.of(Map.of(ServerSettings.REDIS_URL, "  ",
                ServerSettings.POSTGRES_URL, ""));
        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.postgresUrl()).isEmpty();
    }

    @Test
    void readsAllVariables() {
        ServerSettings settings = ServerSettings.of(Map.of(
                ServerSettings.REDIS_URL, "redis://127.0.0.1:6379/0",
                ServerSettings.POSTGRES_URL, "jdbc:postgresql://db:5432/test",
                ServerSettings.POSTGRES_USER, "tq",
                ServerSettings.POSTGRES_PASSWORD, "secret",
                "PATH", "/usr/bin"));
        assertThat(settings.redisUrl()).contains("redis://127.0.0.1:6379/0");
        assertThat(settings.postgresUrl()).contains("jdbc:postgresql://db:5432/test");
        assertThat(settings.postgresUser()).contains("tq");
        assertThat(settings.postgresPassword()).contains("secret");
        assertThat(settings.path()).isEqualTo("/usr/bin");
    }
}
