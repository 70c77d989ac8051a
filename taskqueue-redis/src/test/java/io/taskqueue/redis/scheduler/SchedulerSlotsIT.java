package io.taskqueue.redis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Queue;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, acceptance 2: four workers, each on its own connection, share an {@code every 1s}
 * scheduler for 30 s, and every slot runs exactly once: no slot twice (only the current job
 * produces the next one) and no gap between the first and the last slot.
 */
@ExtendWith(RedisExtension.class)
class SchedulerSlotsIT {
    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void fourWorkersShareAnEverySecondSchedulerAndRunEachSlotExactlyOnce(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        RedisBackendOptions options = RedisBackendOptions.builder().url(server.uri().toString()).prefix(prefix.value())
                .build();
        List<AutoCloseable> opened = new ArrayList<>();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try {
            RedisBackend producer = RedisBackend.create(options);
            opened.add(producer);
            Queue queue = Queue.open(producer, "slots");
            for (int i = 0; i < 4; i++) {
                RedisBackend backend = RedisBackend.create(options);
                opened.add(0, backend);
                Worker worker = Worker.builder(backend, "slots")
                        .options(WorkerOptions.builder().name("w" + i).drainDelay(Duration.ofMillis(200)).build())
                        .handlers(Handlers.builder().on("tick", ctx -> {
                            runs.computeIfAbsent(ctx.job().id(), k -> new AtomicInteger()).incrementAndGet();
                            return null;
                        }).build()).build().start();
                opened.add(0, worker);
            }
            queue.schedulers().upsert("every-second", SchedulerSpec.every(Duration.ofSeconds(1)).build(), "tick",
                    Map.of(), null);
            Thread.sleep(RUN.toMillis());
            queue.schedulers().remove("every-second");
        } finally {
            for (AutoCloseable c : opened) {
                c.close();
            }
        }
        TreeMap<Long, Integer> bySlot = new TreeMap<>();
        runs.forEach((id, n) -> bySlot.put(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)), n.get()));
        assertThat(bySlot.values()).as("runs per slot").allMatch(n -> n == 1);
        assertThat(bySlot.size()).as("slots run in %s", RUN).isBetween(25, 32);
        long previous = -1;
        for (long slot : bySlot.keySet()) {
            if (previous >= 0) {
                assertThat(slot - previous).as("gap after slot %d", previous).isEqualTo(1000);
            }
            previous = slot;
        }
    }
}
