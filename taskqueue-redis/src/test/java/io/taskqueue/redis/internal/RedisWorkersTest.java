package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the workers of a queue out of a CLIENT LIST reply, as Node's getWorkers() does. */
class RedisWorkersTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void namedAndUnnamedWorkerConnectionsOfTheQueueAndNoOther() {
        String base = new Keys("bull", "emails").workerConnectionName(null);
        assertThat(base).isEqualTo("bull:ZW1haWxz");
        String list = String.join("\r\n",
                "id=7 addr=10.0.0.5:50001 laddr=127.0.0.1:6379 fd=9 name=bull:ZW1haWxz:w:mailer-1 age=120 idle=3 db=0",
                "id=8 addr=10.0.0.6:50002 fd=10 name=bull:ZW1haWxz age=5 idle=0 db=0",
                "id=9 addr=10.0.0.7:50003 fd=11 name=bull:ZW1haWxz:qe age=5 idle=0",
                "id=10 addr=10.0.0.8:50004 fd=12 name=bull:ZW1haWxzX age=5 idle=0",
                "id=11 addr=10.0.0.9:50005 fd=13 name= age=5 idle=0",
                "id=12 addr=10.0.0.9:50006 fd=14 name=other:ZW1haWxz age=5 idle=0",
                "");
        List<WorkerInfo> workers = RedisWorkers.parse(list, base, NOW);
        assertThat(workers).containsExactly(
                new WorkerInfo("mailer-1", "7", "10.0.0.5:50001", NOW.minusSeconds(120), Duration.ofSeconds(3)),
                new WorkerInfo(null, "8", "10.0.0.6:50002", NOW.minusSeconds(5), Duration.ZERO));
    }

    @Test
    void aWorkerNameMayHoldColonsAndMissingNumbersAreUnknown() {
        List<WorkerInfo> workers = RedisWorkers.parse("id=3 addr=h:1 name=p:cQ==:w:a:b", "p:cQ==", NOW);
        assertThat(workers).containsExactly(new WorkerInfo("a:b", "3", "h:1", null, null));
    }
}
