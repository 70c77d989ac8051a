package io.taskqueue.redis.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Faults the backend survives: a worker JVM killed mid-job, a restarted Redis, a malformed job hash. */
@ExtendWith(RedisExtension.class)
class FaultToleranceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(RedisTestBackends.options(server, prefix)
                .commandTimeout(Duration.ofSeconds(5)).build());
    }

    private static WorkerOptions fast() {
        return WorkerOptions.builder().lockDuration(Duration.ofSeconds(2)).stalledInterval(Duration.ofSeconds(1))
                .drainDelay(Duration.ofMillis(100)).build();
    }

    @Test
    void jobOfAWorkerKilledWithSigkillRunsAgainAndCompletesOnce(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("kill")) {
            String id = queue.add("slow", Map.of());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process doomed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FaultWorkerMain.class.getName(), server.uri().toString(), prefix.value(), "kill")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("STARTED"));
                assertThat(line).isEqualTo("STARTED " + id);
            } finally {
                doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no lock release
                doomed.waitFor();
            }
            assertThat(queue.getState(id)).isEqualTo(JobState.ACTIVE);
            AtomicInteger runs = new AtomicInteger();
            Handlers handlers = Handlers.builder().on("slow", ctx -> runs.incrementAndGet()).build();
            try (Worker rescuer = tq.worker("kill").handlers(handlers).options(fast()).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(id) == JobState.COMPLETED);
            }
            assertThat(runs).hasValue(1);
            try (RespClient redis = server.client()) {
                List<?> events = (List<?>) redis.call("XRANGE", prefix.key("kill:events"), "-", "+");
                long completions = events.stream().map(e -> ((List<?>) e).get(1).toString())
                        .filter(f -> f.startsWith("[event, completed,")).count();
                assertThat(completions).isEqualTo(1);
                assertThat(events.toString()).contains("stalled");
            }
        }
    }

    @Test
    void workersReconnectAfterARedisRestart(RedisServer server, RedisTestPrefix prefix) {
        assertThat(server.isExternal()).as("this test restarts the server; unset TASKQUEUE_TEST_REDIS_URL").isFalse();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("restart")) {
            List<String> done = new CopyOnWriteArrayList<>();
            Handlers handlers = Handlers.builder().on("j", ctx -> done.add(ctx.job().id())).build();
            try (Worker worker = tq.worker("restart").handlers(handlers).options(fast()).build().start()) {
                queue.add("j", Map.of());
                await().atMost(PATIENCE).until(() -> done.size() == 1);
                server.restart(); // no persistence: the queue starts empty again
                List<String> after = new CopyOnWriteArrayList<>();
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    if (after.isEmpty()) {
                        after.add(queue.add("j", Map.of("after", true)));
                    }
                    return true;
                });
                await().atMost(PATIENCE).until(() -> done.size() >= 2);
                for (int i = 0; i < 5; i++) {
                    queue.add("j", Map.of("i", i));
                }
                await().atMost(PATIENCE).until(() -> queue.counts(JobState.ACTIVE, JobState.WAITING).values()
                        .stream().mapToLong(Long::longValue).sum() == 0 && done.size() >= 7);
            }
        }
    }

    @Test
    void malformedJobFailsWithAReasonAndTheWorkerGoesOn(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("bad");
                RespClient redis = server.client()) {
            queue.pause();
            String broken = queue.add("j", Map.of());
            String brokenData = queue.add("j", Map.of());
            String fine = queue.add("j", Map.of());
            redis.call("HSET", prefix.key("bad:" + broken), "opts", "{not json");
            redis.call("HSET", prefix.key("bad:" + brokenData), "data", "not-json");
            List<String> ran = new CopyOnWriteArrayList<>();
            Handlers handlers = Handlers.builder().on("j", ctx -> ran.add(ctx.job().id())).build();
            try (Worker worker = tq.worker("bad").handlers(handlers).options(fast()).build().start()) {
                queue.resume();
                await().atMost(PATIENCE).until(() -> queue.getState(fine) == JobState.COMPLETED
                        && queue.getState(broken) == JobState.FAILED && queue.getState(brokenData) == JobState.FAILED);
            }
            assertThat(ran).containsExactly(fine);
            assertThat(queue.getJob(broken).orElseThrow().failedReason()).startsWith("malformed job: opts is not valid JSON");
            assertThat(queue.getJob(brokenData).orElseThrow().failedReason())
                    .startsWith("malformed job: data is not valid JSON");
        }
    }
}
