package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.NewJob;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pipelined bulk add after the server lost its scripts (a restart or SCRIPT FLUSH): the jobs must
 * land in the order given even when another client loads the script while the batch is in flight,
 * which lets the later adds of the batch succeed before the earlier ones are retried.
 */
@ExtendWith(RedisExtension.class)
class BulkAddOrderIT {
    private static final int JOBS = 5_000;

    @Test
    void aBulkAddKeepsItsOrderWhenAnotherClientReloadsTheScriptMidway(RedisServer server, RedisTestPrefix prefix)
            throws InterruptedException {
        String source = ScriptRunner.source(Script.ADD_JOB);
        try (ItFixture f = ItFixture.open(server, prefix)) {
            for (int round = 0; round < 5; round++) {
                List<NewJob> jobs = IntStream.range(0, JOBS)
                        .mapToObj(i -> new NewJob("job", "{\"n\":" + i + "}", JobOptions.defaults(), ItFixture.NOW))
                        .toList();
                f.redis().call("SCRIPT", "FLUSH");
                AtomicBoolean adding = new AtomicBoolean(true);
                Thread loader = new Thread(() -> {
                    try (RespClient other = server.client()) {
                        while (adding.get()) {
                            other.call("SCRIPT", "LOAD", source);
                        }
                    }
                });
                loader.start();
                List<String> ids;
                try {
                    ids = f.queue().add(jobs);
                } finally {
                    adding.set(false);
                    loader.join();
                }
                List<String> oldestFirst = new ArrayList<>(f.list(f.keys().waitList()));
                Collections.reverse(oldestFirst);
                assertThat(oldestFirst).as("round %d: the wait list, oldest first", round)
                        .endsWith(ids.toArray(String[]::new));
                List<String> data = ids.stream().map(id -> f.hash(f.keys().job(id)).get("data")).toList();
                assertThat(data).as("round %d: each id holds the job given at its place", round)
                        .isEqualTo(jobs.stream().map(NewJob::dataJson).toList());
                assertThat(ids.stream().mapToLong(Long::parseLong)).as("round %d: ids ascend", round).isSorted();
            }
        }
    }
}
