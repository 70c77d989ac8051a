package io.taskqueue.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
  * The extension as other modules use it. Ordered, because cleanup and recovery can only be
  * observed by a later test.
  */
@ExtendWith(RedisExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisExtensionIT {

    private static RedisServer firstServer;
    private static RedisTestPrefix firstPrefix;

    @Test
    @Order(1)
    void resolvesTheServerAndAPrivatePrefix(RedisServer redis, RedisTestPrefix prefix) {
        assertThat(redis.ping()).isEqualTo("PONG");
        assertThat(prefix.value()).matches("tq-test-[0-9a-f]{8}");
        assertThat(prefix.server()).isSameAs(redis);
        try (RespClient client = redis.client()) {
            client.call("SET", prefix.key("a"), "1");
            client.call("HSET", prefix.key("b"), "f", "v");
            assertThat(client.call("GET", prefix.key("a"))).isEqualTo("1");
        }
        firstServer = redis;
        firstPrefix = prefix;
    }

    @Test
    @Order(2)
    void keysOfTheEarlierTestAreGoneAndTheServerIsShared(RedisServer redis, RedisTestPrefix prefix) {
        assertThat(redis).isSameAs(firstServer);
        assertThat(prefix.value()).isNotEqualTo(firstPrefix.value());
        try (RespClient client = redis.client()) {
            assertThat(client.call("EXISTS", firstPrefix.key("a"), firstPrefix.key("b"))).isEqualTo(0L);
        }
    }

    @Test
    @Order(3)
    void deleteAllRemovesOnlyThisTestsKeys(RedisServer redis, RedisTestPrefix prefix) {
        try (RespClient client = redis.client()) {
            for (int i = 0; i < 2500; i++) { // more than one SCAN page
                client.call("SET", prefix.key("k" + i), "v");
            }
            client.call("SET", "not-" + prefix.value(), "keep");
            assertThat(prefix.deleteAll()).isEqualTo(2500L);
            assertThat(client.call("GET", "not-" + prefix.value())).isEqualTo("keep");
            client.call("DEL", "not-" + prefix.value());
        }
    }

    @Test
    @Order(4)
    void aFaultTestMayLeaveTheServerStopped(RedisServer redis) {
        if (redis.isExternal()) {
            assertThatThrownBy(redis::stop).isInstanceOf(UnsupportedOperationException.class);
        } else {
            redis.stop();
            assertThat(redis.isRunning()).isFalse();
        }
    }

    @Test
    @Order(5)
    void theExtensionRestartedItForTheNextTest(RedisServer redis) {
        assertThat(redis.isRunning()).isTrue();
        assertThat(redis.ping()).isEqualTo("PONG");
    }
}
