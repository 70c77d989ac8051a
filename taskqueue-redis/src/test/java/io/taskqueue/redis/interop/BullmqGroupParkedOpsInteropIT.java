package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.TaskQueue;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Node BullMQ's operations on grouped jobs that Java parked ({@code job.promote()},
 * {@code promoteJobs}, {@code drain(true)}, {@code clean('delayed')}, {@code remove}) leave the
 * queue as the same operation by Java does, key by key, and the group still holds afterwards: while
 * the group's one slot is taken nothing of it runs, then its jobs run one at a time.
 */
@ExtendWith(RedisExtension.class)
class BullmqGroupParkedOpsInteropIT {
    /** A concurrency-1 group with one running job, three parked ones, and a plain delayed job. */
    private record Made(String running, String p1, String p2, String p3, String plain) {
    }

    /** The queue's state after the operation: Java's reads and the raw group keys. */
    private record State(Map<String, JobState> states, List<String> waitList, TreeSet<String> delayed,
            List<?> groupWait, List<?> ring, TreeSet<String> slots, long groupWaitingCount) {
    }

    @Test
    void nodesOperationsOnParkedGroupedJobsMatchJavasAndKeepTheGroup(RedisServer server, RedisTestPrefix prefix) {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = RedisTestBackends.taskQueue(server, prefix);
                Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            compare(tq, backend, redis, server, prefix, "promote",
                    m -> List.of(Map.of("op", "promote", "id", m.p1())),
                    (q, m) -> assertThat(q.promote(m.p1())).isTrue(),
                    // Re-parked by the first fetch, p1 keeps its place: its entry in the group's
                    // list was never taken out, and the release finds it parked again.
                    m -> List.of(m.plain(), m.p1(), m.p2(), m.p3()));
            compare(tq, backend, redis, server, prefix, "promoteAll",
                    m -> List.of(Map.of("op", "promoteJobs")),
                    (q, m) -> List.of(m.plain(), m.p1(), m.p2(), m.p3())
                            .forEach(id -> assertThat(q.promote(id)).isTrue()),
                    m -> List.of(m.plain(), m.p1(), m.p2(), m.p3()));
            compare(tq, backend, redis, server, prefix, "drain",
                    m -> List.of(Map.of("op", "drain", "delayed", true)),
                    (q, m) -> q.drain(true),
                    m -> List.of());
            compare(tq, backend, redis, server, prefix, "clean",
                    m -> List.of(Map.of("op", "clean", "grace", 0, "limit", 100, "type", "delayed")),
                    (q, m) -> assertThat(q.clean(Duration.ZERO, 100, JobState.DELAYED))
                            .containsExactlyInAnyOrder(m.p1(), m.p2(), m.p3(), m.plain()),
                    m -> List.of());
            compare(tq, backend, redis, server, prefix, "remove",
                    m -> List.of(Map.of("op", "remove", "id", m.p2())),
                    (q, m) -> assertThat(q.remove(m.p2())).isTrue(),
                    m -> List.of(m.plain(), m.p1(), m.p3()));
        }
    }

    /**
     * Makes the same queue twice, applies the operation by Node to one and by Java to the other,
     * compares them, then runs both dry: nothing while the running job holds the slot, then
     * {@code order} (the plain delayed job is promoted by hand; grouped jobs one at a time).
     */
    private static void compare(TaskQueue tq, Backend backend, RespClient redis, RedisServer server,
            RedisTestPrefix prefix, String op, java.util.function.Function<Made, List<Map<String, Object>>> nodeOps,
            BiConsumer<JobQueue, Made> javaOp, java.util.function.Function<Made, List<String>> order) {
        String byNode = "n-" + op;
        String byJava = "j-" + op;
        Made n = make(tq.queue(byNode), backend.queue(byNode));
        Made j = make(tq.queue(byJava), backend.queue(byJava));
        JsonNode r = NodeChecks.ops(config(server, prefix, byNode), nodeOps.apply(n));
        r.forEach(result -> assertThat(result.has("error")).as("Node " + result).isFalse());
        javaOp.accept(tq.queue(byJava), j);
        State nodeState = state(tq.queue(byNode), redis, prefix, byNode, n);
        State javaState = state(tq.queue(byJava), redis, prefix, byJava, j);
        assertThat(nodeState).as(op + ": Node's result vs Java's (same ids in both queues)").isEqualTo(javaState);
        assertThat(runDry(tq.queue(byNode), backend.queue(byNode), n)).as(op + " by Node, then run")
                .isEqualTo(order.apply(n));
        assertThat(runDry(tq.queue(byJava), backend.queue(byJava), j)).as(op + " by Java, then run")
                .isEqualTo(order.apply(j));
    }

    private static Made make(JobQueue queue, QueueBackend spi) {
        queue.limits().setGroupConcurrency("g", 1);
        JobOptions inGroup = JobOptions.builder().group("g").build();
        String running = queue.add("job", Map.of("n", 0), inGroup);
        String p1 = queue.add("job", Map.of("n", 1), inGroup);
        String p2 = queue.add("job", Map.of("n", 2), inGroup);
        String p3 = queue.add("job", Map.of("n", 3), inGroup);
        String plain = queue.add("job", Map.of("n", 4), JobOptions.builder().delay(Duration.ofHours(1)).build());
        assertThat(fetch(spi, "run")).isEqualTo(running);
        return new Made(running, p1, p2, p3, plain);
    }

    private static State state(JobQueue queue, RespClient redis, RedisTestPrefix prefix, String q, Made m) {
        Map<String, JobState> states = new java.util.TreeMap<>();
        for (String id : List.of(m.running(), m.p1(), m.p2(), m.p3(), m.plain())) {
            states.put(id, queue.getState(id));
        }
        @SuppressWarnings("unchecked")
        List<String> wait = (List<String>) redis.call("LRANGE", prefix.key(q + ":wait"), "0", "-1");
        return new State(states, wait, new TreeSet<>(CheckSupport.zmembers(redis, prefix.key(q + ":delayed"))),
                (List<?>) redis.call("LRANGE", prefix.key(q + ":tq:g:g:wait"), "0", "-1"),
                (List<?>) redis.call("LRANGE", prefix.key(q + ":tq:groups"), "0", "-1"),
                new TreeSet<>(((List<?>) redis.call("SMEMBERS", prefix.key(q + ":tq:g:g:active"))).stream()
                        .map(String::valueOf).toList()),
                queue.limits().groupWaitingCount("g"));
    }

    /**
     * Runs the queue dry and returns the ids in the order they were fetched. The plain job, if still
     * delayed, is promoted first; while the running job holds the slot only the plain job may be
     * fetched; afterwards the group's jobs come one at a time (a second fetch meanwhile gets none).
     */
    private static List<String> runDry(JobQueue queue, QueueBackend spi, Made m) {
        if (queue.getState(m.plain()) == JobState.DELAYED) {
            assertThat(queue.promote(m.plain())).isTrue();
        }
        List<String> order = new ArrayList<>();
        for (String id = fetch(spi, "busy"); id != null; id = fetch(spi, "busy")) {
            assertThat(id).as("fetched while the group's slot is taken").isEqualTo(m.plain());
            order.add(id);
            finish(spi, id, "busy");
        }
        finish(spi, m.running(), "run");
        for (int i = 0; i < 10; i++) {
            String id = fetch(spi, "dry:" + i);
            if (id == null) {
                break;
            }
            order.add(id);
            assertThat(fetch(spi, "second:" + i)).as("a second job of the group while " + id + " runs").isNull();
            finish(spi, id, "dry:" + i);
        }
        return order;
    }

    private static String fetch(QueueBackend spi, String token) {
        FetchResult r = spi.fetch(new FetchRequest(token, 30_000, "w", System.currentTimeMillis()));
        return r instanceof FetchResult.Fetched f ? f.job().id() : null;
    }

    private static void finish(QueueBackend spi, String id, String token) {
        spi.finish(new FinishRequest(id, token, System.currentTimeMillis(), true, "null", null, KeepJobs.all(), null));
    }
}
