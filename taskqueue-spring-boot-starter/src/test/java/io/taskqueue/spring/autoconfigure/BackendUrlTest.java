package io.taskqueue.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the backend's URL comes from. */
class BackendUrlTest {

    @Test
    void taskqueueUrlWinsOverSpringsRedisSettings() {
        MockEnvironment env = new MockEnvironment().withProperty("taskqueue.url", " memory: ")
                .withProperty("spring.data.redis.host", "cache");
        assertThat(BackendUrl.resolve(env)).isEqualTo("memory:");
    }

    @Test
    void buildsARedisUrlFromSpringsRedisSettings() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.data.redis.host", "cache.internal")
                .withProperty("spring.data.redis.port", "6380").withProperty("spring.data.redis.username", "app")
                .withProperty("spring.data.redis.password", "p@ss word").withProperty("spring.data.redis.database", "2")
                .withProperty("spring.data.redis.ssl.enabled", "true");
        assertThat(BackendUrl.resolve(env)).isEqualTo("rediss://app:p%40ss%20word@cache.internal:6380/2");
    }

    @Test
    void aPortAloneMeansLocalhostAndSpringsUrlIsTakenAsItIs() {
        assertThat(BackendUrl.resolve(new MockEnvironment().withProperty("spring.data.redis.port", "7000")))
                .isEqualTo("redis://localhost:7000");
        assertThat(BackendUrl.resolve(new MockEnvironment().withProperty("spring.data.redis.url", "redis://r:1/3")))
                .isEqualTo("redis://r:1/3");
    }

    @Test
    void nothingConfiguredIsAnError() {
        assertThatThrownBy(() -> BackendUrl.resolve(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("taskqueue.url");
    }
}
