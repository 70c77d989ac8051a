package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import io.taskqueue.redis.internal.ClusterConnections;
import io.taskqueue.redis.internal.RedisConnections;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cluster and Sentinel URLs in the options, the cluster seed parsing and the hash-tag rule. */
class RedisTopologyOptionsTest {
    @Test
    void clusterAndSentinelUrlsAreAcceptedAndRecognised() {
        RedisBackendOptions cluster = RedisBackendOptions.builder().url("redis-cluster://127.0.0.1:7000,127.0.0.1:7001")
                .prefix("{t}").build();
        assertThat(cluster.isCluster()).isTrue();
        assertThat(cluster.isSentinel()).isFalse();
        RedisBackendOptions sentinel = RedisBackendOptions.builder()
                .url("redis-sentinel://127.0.0.1:26379,127.0.0.1:26380?sentinelMasterId=mymaster").build();
        assertThat(sentinel.isSentinel()).isTrue();
        assertThat(sentinel.isCluster()).isFalse();
        assertThat(RedisBackendOptions.defaults().isCluster()).isFalse();
        assertThat(RedisBackendOptions.defaults().isSentinel()).isFalse();
    }

    @Test
    void aSentinelUrlMustNameTheMaster() {
        assertThatThrownBy(() -> RedisBackendOptions.builder().url("redis-sentinel://127.0.0.1:26379").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sentinelMasterId");
    }

    @Test
    void unknownSchemesAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisBackendOptions.builder().url("http://user:secret@host").build())
                .hasMessageContaining("redis-cluster://").hasMessageNotContaining("secret");
    }

    @Test
    void clusterSeedsCarryCredentialsParametersAndTls() {
        List<RedisURI> seeds = ClusterConnections.seeds(
                "rediss-cluster://alice:s3cret@h1:7000, h2:7001/0?timeout=3s", Duration.ofSeconds(2));
        assertThat(seeds).hasSize(2);
        assertThat(seeds).extracting(RedisURI::getHost).containsExactly("h1", "h2");
        assertThat(seeds).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(seeds).allSatisfy(uri -> {
            assertThat(uri.isSsl()).isTrue();
            assertThat(uri.getUsername()).isEqualTo("alice");
            assertThat(new String(uri.getPassword())).isEqualTo("s3cret");
            assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
        assertThat(ClusterConnections.seeds("redis-cluster://h1:7000", Duration.ofSeconds(1)).get(0).isSsl()).isFalse();
    }

    @Test
    void clusterUrlsWithADatabaseOrNoHostAreRefused() {
        assertThatThrownBy(() -> ClusterConnections.seeds("redis-cluster://h1:7000/2", Duration.ofSeconds(1)))
                .hasMessageContaining("database 0");
        assertThatThrownBy(() -> ClusterConnections.seeds("redis-cluster://", Duration.ofSeconds(1)))
                .hasMessageContaining("host:port");
    }

    @Test
    void aHashTagMustBeCompleteAndNonEmptyInTheCommonStartOfTheKeys() {
        assertThat(RedisConnections.hashTag("{t}:emails:")).isEqualTo("t");
        assertThat(RedisConnections.hashTag("bull:{emails}:")).isEqualTo("emails");
        assertThat(RedisConnections.hashTag("bull:em{ails}x:")).isEqualTo("ails");
        assertThat(RedisConnections.hashTag("bull:emails:")).isNull();
        assertThat(RedisConnections.hashTag("{}:emails:")).as("an empty tag hashes the whole key").isNull();
        assertThat(RedisConnections.hashTag("bull:{emails:")).as("closed only in the job-specific part").isNull();
        assertThat(RedisConnections.hashTag("{}{t}:q:")).as("Redis looks only at the first '{'").isNull();
    }
}
