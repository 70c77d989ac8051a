package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure unit tests for reading the environment. */
class TestSettingsTest {

    @Test
    void unsetMeansStartPrivateServers() {
        TestSettings settings = TestSettings.of(Map.of());
        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.postgresUrl()).isEmpty();
        assertThat(settings.path()).isEmpty();
    }

    @Test
    void blankCountsAsUnset() {
        TestSettings settings = TestSettings.of(Map.of(TestSettings.REDIS_URL, "  ",
                TestSettings.POSTGRES_URL, ""));
        assertThat(settings.redisUrl()).isEmpty();
        assertThat(settings.postgresUrl()).isEmpty();
    }

    @Test
    void readsAllVariables() {
        TestSettings settings = TestSettings.of(Map.of(
                TestSettings.REDIS_URL, "redis://127.0.0.1:6379/0",
                TestSettings.POSTGRES_URL, "jdbc:postgresql://db:5432/test",
                TestSettings.POSTGRES_USER, "tq",
                TestSettings.POSTGRES_PASSWORD, "secret",
                "PATH", "/usr/bin"));
        assertThat(settings.redisUrl()).contains("redis://127.0.0.1:6379/0");
        assertThat(settings.postgresUrl()).contains("jdbc:postgresql://db:5432/test");
        assertThat(settings.postgresUser()).contains("tq");
        assertThat(settings.postgresPassword()).contains("secret");
        assertThat(settings.path()).isEqualTo("/usr/bin");
    }
}
