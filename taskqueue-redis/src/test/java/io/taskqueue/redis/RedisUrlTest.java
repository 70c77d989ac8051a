package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.redis.internal.Keys;
import io.taskqueue.spi.Backends;
import org.junit.jupiter.api.Test;

/** Reading backend URLs: the schemes on the class path, the prefix parameter, bad URLs. */
class RedisUrlTest {
    @Test
    void theProviderIsFoundForEveryRedisScheme() {
        assertThat(Backends.schemes()).contains("redis", "rediss", "redis-cluster", "redis-sentinel", "memory");
        assertThat(new RedisBackendProvider().schemes()).contains("redis", "rediss", "redis-cluster",
                "redis-sentinel");
    }

    @Test
    void thePrefixParameterBecomesThePrefixAndLeavesTheUrl() {
        RedisBackendOptions o = RedisBackendOptions.fromUrl("redis://:pw@h:6379/2?prefix=myapp&timeout=5s");
        assertThat(o.prefix()).isEqualTo("myapp");
        assertThat(o.url()).isEqualTo("redis://:pw@h:6379/2?timeout=5s");
        assertThat(RedisBackendOptions.fromUrl("redis://h:6379?prefix=%7Bt%7D").prefix()).isEqualTo("{t}");
        assertThat(RedisBackendOptions.fromUrl("redis-cluster://h:7000,h:7001?prefix={t}").prefix()).isEqualTo("{t}");
        assertThat(RedisBackendOptions.fromUrl("redis://h:6379").prefix()).isEqualTo("bull");
        assertThat(RedisBackendOptions.fromUrl("redis-sentinel://h:26379?sentinelMasterId=m&prefix=p").url())
                .isEqualTo("redis-sentinel://h:26379?sentinelMasterId=m");
        assertThat(RedisBackendOptions.builder().url("redis://h?prefix=a").prefix("b").build().prefix())
                .as("a later prefix() wins").isEqualTo("b");
    }

    @Test
    void badPrefixesAndUrlsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> RedisBackendOptions.fromUrl("redis://h?prefix=")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RedisBackendOptions.fromUrl("redis://h?prefix=a:b")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> RedisBackendOptions.fromUrl("redis://h?prefix=a&prefix=b"))
                .hasMessageContaining("two prefixes");
        assertThatThrownBy(() -> new RedisBackendOptions("redis://h?prefix=a", "bull", RedisBackendOptions
                .DEFAULT_COMMAND_TIMEOUT, 10, 0)).hasMessageContaining("prefix parameter");
        assertThatThrownBy(() -> RedisBackendOptions.fromUrl("redis-sentinel://u:secret@h:26379"))
                .hasMessageContaining("sentinelMasterId").hasMessageNotContaining("secret");
    }

    @Test
    void urlPrefixKeepsTheOtherParametersInOrder() {
        assertThat(UrlPrefix.of("redis://h?a=1&prefix=p&b=2#frag")).isEqualTo(new UrlPrefix("redis://h?a=1&b=2#frag", "p"));
        assertThat(UrlPrefix.of("redis://h")).isEqualTo(new UrlPrefix("redis://h", null));
    }

    @Test
    void queueKeysOfEveryQueueAreMatchedLiterallyAndMapBackToTheQueue() {
        assertThat(Keys.everyQueue("bull", "meta")).isEqualTo("bull:*:meta");
        assertThat(Keys.everyQueue("a*b[c]", "id")).isEqualTo("a\\*b\\[c\\]:*:id");
        assertThat(Keys.queueOf("bull", "meta", "bull:emails:meta")).isEqualTo("emails");
        assertThat(Keys.queueOf("bull", "id", "bull:emails:42:id")).as("a job's key, not a queue's").isNull();
        assertThat(Keys.queueOf("bull", "meta", "bull::meta")).isNull();
        assertThat(Keys.queueOf("{t}", "events", "{t}:{q}:events")).isEqualTo("{q}");
    }
}
