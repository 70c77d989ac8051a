package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The private Sentinel setup: it settles, fails over on request and after the master dies. */
class RedisSentinelServerIT {

    @Test
    void failoverPromotesTheReplicaAndDemotesTheOldMaster() {
        try (RedisSentinelServer setup = RedisSentinelServer.start(2)) {
            assertThat(setup.sentinels()).hasSize(2);
            assertThat(setup.uri().toString()).startsWith("redis-sentinel://127.0.0.1:")
                    .endsWith("?sentinelMasterId=" + RedisSentinelServer.MASTER_NAME);
            RedisSentinelServer.Address before = setup.master();
            try (RespClient master = setup.masterClient()) {
                assertThat(master.call("SET", "k", "v")).isEqualTo("OK");
                assertThat(master.call("WAIT", "1", "5000")).isEqualTo(1L);
            }
            RedisSentinelServer.Address after = setup.failover();
            assertThat(after).isNotEqualTo(before);
            assertThat(setup.master()).isEqualTo(after);
            try (RespClient master = setup.masterClient()) {
                assertThat(master.info("replication")).contains("role:master");
                assertThat(master.call("GET", "k")).isEqualTo("v");
            }
        }
    }

    @Test
    void killingTheMasterPromotesTheReplica() {
        try (RedisSentinelServer setup = RedisSentinelServer.start()) {
            RedisSentinelServer.Address before = setup.master();
            RedisSentinelServer.Address after = setup.killMaster();
            assertThat(after).isNotEqualTo(before);
            try (RespClient master = setup.masterClient()) {
                assertThat(master.info("replication")).contains("role:master");
            }
        }
    }
}
