package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
  * Private Redis servers: start, talk, stop, restart, and the embedded binaries. These tests start
  * their own servers even when {@value ServerSettings#REDIS_URL} is set, because they test exactly
  * the private path.
  */
class RedisServerIT {

    /** The environment without the Redis URL: the private-server path, whatever CI exports. */
    private static ServerSettings privateOnly() {
        return ServerSettings.of(Map.of("PATH", System.getenv().getOrDefault("PATH", "")));
    }

    @Test
    void privateServerAnswersOnLoopbackAndReportsItsVersion() {
        try (RedisServer redis = RedisServer.start(privateOnly())) {
            assertThat(redis.isExternal()).isFalse();
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            assertThat(redis.uri()).hasToString("redis://127.0.0.1:" + redis.port());
            assertThat(redis.ping()).isEqualTo("PONG");
            assertThat(redis.version()).matches("\\d+\\.\\d+\\.\\d+.*");
            try (RespClient client = redis.client()) {
                assertThat(client.call("SET", "greeting", "héllo")).isEqualTo("OK");
                assertThat(client.call("GET", "greeting")).isEqualTo("héllo");
                assertThat(client.call("GET", "missing")).isNull();
                assertThat(client.call("INCR", "counter")).isEqualTo(1L);
                assertThatThrownBy(() -> client.call("INCR", "greeting"))
                        .isInstanceOf(RespClient.RedisErrorException.class);
            }
        }
    }

    @Test
    void aServerWithAPasswordRefusesClientsWithoutIt() {
        try (RedisServer redis = RedisServer.startWithPassword(privateOnly(), "s3cret")) {
            assertThat(redis.uri()).hasToString("redis://:s3cret@127.0.0.1:" + redis.port());
            assertThat(redis.toString()).doesNotContain("s3cret");
            assertThat(redis.ping()).isEqualTo("PONG");
            try (RespClient anonymous = RespClient.connect(redis.host(), redis.port(), null, null, 0)) {
                assertThatThrownBy(anonymous::ping).isInstanceOf(RespClient.RedisErrorException.class)
                        .hasMessageContaining("NOAUTH");
            }
            redis.restart();
            assertThat(redis.ping()).as("the password survives a restart").isEqualTo("PONG");
        }
    }

    @Test
    void restartKeepsThePortAndLosesTheData() {
        try (RedisServer redis = RedisServer.start(privateOnly())) {
            int port = redis.port();
            try (RespClient client = redis.client()) {
                client.call("SET", "k", "v");
            }

            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThatThrownBy(redis::ping).isInstanceOf(UncheckedIOException.class);

            redis.restart();
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.ping()).isEqualTo("PONG");
            try (RespClient client = redis.client()) {
                assertThat(client.call("GET", "k")).as("no persistence").isNull();
            }

            redis.restart(); // also from the running state
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void closeKillsTheProcessAndDeletesItsDirectory() {
        RedisServer redis = RedisServer.start(privateOnly());
        redis.close();
        assertThat(redis.isRunning()).isFalse();
        assertThatThrownBy(redis::ping).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(redis::restart).isInstanceOf(IllegalStateException.class);
        redis.close(); // idempotent
    }

    @Test
    void embeddedRedis62RunsAsAPrivateServer() {
        Path binary = RedisServer.embeddedBinary("6.2").orElseThrow(() -> new AssertionError(
                "embedded-redis ships no 6.2 binary for this platform; it has "
                        + RedisServer.embeddedVersions()));
        assertThat(Files.isExecutable(binary)).isTrue();
        try (RedisServer redis = RedisServer.start(binary)) {
            assertThat(redis.binary()).contains(binary.toAbsolutePath());
            assertThat(redis.version()).startsWith("6.2.");
            assertThat(redis.ping()).isEqualTo("PONG");
            redis.restart();
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void withoutRedisOnThePathTheEmbeddedBinaryIsUsed(@TempDir Path emptyPath) {
        try (RedisServer redis = RedisServer.start(ServerSettings.of(Map.of("PATH", emptyPath.toString())))) {
            assertThat(redis.binary()).get().asString().contains("redis-server-");
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void externalServerIsUsedButNeverStopped() {
        try (RedisServer owner = RedisServer.start(privateOnly())) {
            RedisServer external = RedisServer.start(ServerSettings.of(
                    Map.of(ServerSettings.REDIS_URL, owner.uri() + "/2")));
            assertThat(external.isExternal()).isTrue();
            assertThat(external.port()).isEqualTo(owner.port());
            assertThat(external.database()).isEqualTo(2);
            try (RespClient client = external.client()) {
                client.call("SET", "in-db-2", "x");
            }
            try (RespClient client = owner.client()) {
                assertThat(client.call("GET", "in-db-2")).as("database 0").isNull();
            }

            assertThatThrownBy(external::stop).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining(ServerSettings.REDIS_URL);
            assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class);
            external.close();
            assertThat(owner.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void unreachableExternalServerFailsNamingTheVariable() {
        int deadPort = LocalProcesses.freePort();
        assertThatThrownBy(() -> RedisServer.start(ServerSettings.of(
                Map.of(ServerSettings.REDIS_URL, "redis://:secret@127.0.0.1:" + deadPort))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServerSettings.REDIS_URL)
                .hasMessageContaining("127.0.0.1:" + deadPort)
                .hasMessageNotContaining("secret");
    }
}
