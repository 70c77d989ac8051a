package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisBackendOptionsTest {
    @Test
    void defaultsMatchBullmq() {
        RedisBackendOptions o = RedisBackendOptions.defaults();
        assertThat(o.url()).isEqualTo(RedisBackendOptions.DEFAULT_URL);
        assertThat(o.prefix()).isEqualTo("bull");
        assertThat(o.maxLenEvents()).isEqualTo(10_000);
        assertThat(o.metricsMaxDataPoints()).isZero();
    }

    @Test
    void toBuilderRoundTrips() {
        RedisBackendOptions o = RedisBackendOptions.builder().url("rediss://user:pw@host:6380/2").prefix("{t}")
                .commandTimeout(Duration.ofSeconds(3)).maxLenEvents(50).metricsMaxDataPoints(60).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> RedisBackendOptions.builder().url("http://x").build()).hasMessageContaining("url");
        assertThatThrownBy(() -> RedisBackendOptions.builder().prefix("a:b").build()).hasMessageContaining("prefix");
        assertThatThrownBy(() -> RedisBackendOptions.builder().commandTimeout(Duration.ZERO).build())
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> RedisBackendOptions.builder().metricsMaxDataPoints(-1).build())
                .hasMessageContaining("metricsMaxDataPoints");
    }

    @Test
    void minimumBlockTimeoutFollowsTheServerVersion() {
        assertThat(RedisBackend.minBlockSeconds("7.0.8")).isEqualTo(0.001);
        assertThat(RedisBackend.minBlockSeconds("7.2.4")).isEqualTo(0.001);
        assertThat(RedisBackend.minBlockSeconds("7.0.7")).isEqualTo(0.002);
        assertThat(RedisBackend.minBlockSeconds("6.2.6")).isEqualTo(0.002);
        assertThat(RedisBackend.minBlockSeconds("garbage")).isEqualTo(0.002);
    }
}
