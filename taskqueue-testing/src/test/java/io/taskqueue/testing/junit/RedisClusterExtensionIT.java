package io.taskqueue.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.servers.RedisClusterServer;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster extension: the cluster, its server view, and a hash-tagged prefix per test. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterExtensionIT {

    @Test
    void prefixesAreHashTaggedAndDeleteAllFindsTheKeysOnTheirNode(RedisClusterServer cluster, RedisServer view,
            RedisTestPrefix prefix) {
        assertThat(view.isCluster()).isTrue();
        assertThat(view.uri()).isEqualTo(cluster.uri());
        assertThat(prefix.server()).isSameAs(view);
        assertThat(prefix.value()).matches("\\{tq-test-[0-9a-f]{8}}");
        try (RespClient client = view.client()) {
            for (int i = 0; i < 5; i++) {
                client.call("SET", prefix.key("key" + i), "x");
            }
        }
        assertThat(prefix.deleteAll()).as("the tagged SCAN finds the keys on their node").isEqualTo(5);
    }
}
