package io.taskqueue.redis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
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
 * Four workers, each in a task queue of its own (its own connections, as four processes would
 * have), share an {@code every 1s} scheduler until it has run 28 slots (about 30 s), and every slot
 * runs exactly once: no slot twice (only the current job produces the next one) and no gap between
 * the first and the last slot.
 */
@ExtendWith(RedisExtension.class)
class SchedulerSlotsIT {
    private static final int SLOTS = 28;

    @Test
    void fourWorkersShareAnEverySecondSchedulerAndRunEachSlotExactlyOnce(RedisServer server, RedisTestPrefix prefix) {
        List<AutoCloseable> opened = new ArrayList<>();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try {
            TaskQueue producer = RedisTestBackends.taskQueue(server, prefix);
            opened.add(producer);
            JobQueue queue = producer.queue("slots");
            for (int i = 0; i < 4; i++) {
                TaskQueue process = RedisTestBackends.taskQueue(server, prefix);
                opened.add(0, process);
                process.worker("slots")
                        .options(WorkerOptions.builder().name("w" + i).drainDelay(Duration.ofMillis(200)).build())
                        .handlers(Handlers.builder().on("tick", ctx -> {
                            runs.computeIfAbsent(ctx.job().id(), k -> new AtomicInteger()).incrementAndGet();
                            return null;
                        }).build()).build().start();
            }
            queue.schedulers().upsert("every-second", SchedulerSpec.every(Duration.ofSeconds(1)).build(), "tick",
                    Map.of(), null);
            await().atMost(Duration.ofSeconds(SLOTS + 30)).until(() -> runs.size() >= SLOTS);
            queue.schedulers().remove("every-second");
        } finally {
            closeAll(opened);
        }
        TreeMap<Long, Integer> bySlot = new TreeMap<>();
        runs.forEach((id, n) -> bySlot.put(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)), n.get()));
        assertThat(bySlot.values()).as("runs per slot").allMatch(n -> n == 1);
        assertThat(bySlot.size()).as("slots run").isBetween(SLOTS, SLOTS + 4);
        long previous = -1;
        for (long slot : bySlot.keySet()) {
            if (previous >= 0) {
                assertThat(slot - previous).as("gap after slot %d", previous).isEqualTo(1000);
            }
            previous = slot;
        }
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                throw new AssertionError("closing " + c + " failed", e);
            }
        }
    }
}
