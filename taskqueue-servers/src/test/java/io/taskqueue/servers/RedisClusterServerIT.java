package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The private Redis Cluster: formation, slot computation, the redirect-following client, the server view. */
class RedisClusterServerIT {

    @Test
    void threeMastersCoverEverySlotAndTheClientFollowsRedirects() {
        try (RedisClusterServer cluster = RedisClusterServer.start()) {
            assertThat(cluster.nodes()).hasSize(3).allMatch(RedisClusterServer.Node::master);
            assertThat(cluster.uri().toString()).startsWith("redis-cluster://127.0.0.1:");
            try (RespClient client = cluster.client()) {
                assertThat((String) client.call("CLUSTER", "INFO")).contains("cluster_state:ok");
                Set<Integer> owners = new HashSet<>();
                for (int i = 0; i < 30; i++) {
                    String key = "k" + i;
                    assertThat((Long) client.call("CLUSTER", "KEYSLOT", key)).isEqualTo(RedisClusterServer.slot(key));
                    assertThat(client.call("SET", key, "v" + i)).isEqualTo("OK");
                    owners.add(cluster.masterFor(key).port());
                }
                assertThat(owners).as("keys spread over all masters").hasSize(3);
                for (int i = 0; i < 30; i++) {
                    assertThat(client.call("GET", "k" + i)).isEqualTo("v" + i);
                }
                assertThat(RedisClusterServer.slot("{user1}.a")).isEqualTo(RedisClusterServer.slot("x{user1}"));
                assertThat(RedisClusterServer.slot("{}a")).isEqualTo((int) (long) (Long) client.call("CLUSTER", "KEYSLOT", "{}a"));
            }
            RedisServer view = cluster.asServer();
            assertThat(view.isCluster()).isTrue();
            assertThat(view.isExternal()).isTrue();
            try (RespClient client = view.client()) {
                for (int i = 0; i < 5; i++) {
                    client.call("SET", "{tagged}:key" + i, "x");
                }
                assertThat(client.deleteMatching("{tagged}*")).as("the tagged SCAN finds the keys on their node")
                        .isEqualTo(5);
            }
        }
    }

    @Test
    void mastersWithReplicas() {
        try (RedisClusterServer cluster = RedisClusterServer.start(3, 1)) {
            List<RedisClusterServer.Node> nodes = cluster.nodes();
            assertThat(nodes).hasSize(6);
            assertThat(nodes.stream().filter(RedisClusterServer.Node::master)).hasSize(3);
            try (RespClient client = cluster.client()) {
                String info = (String) client.call("CLUSTER", "INFO");
                assertThat(info).contains("cluster_state:ok", "cluster_size:3", "cluster_known_nodes:6");
            }
        }
    }
}
