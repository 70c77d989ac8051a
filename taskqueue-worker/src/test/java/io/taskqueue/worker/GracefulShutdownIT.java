package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SIGTERM to a worker service running in its own JVM: the running task finishes or goes back to the queue. */
@ExtendWith(RedisExtension.class)
class GracefulShutdownIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Process startService(RedisServer server, RedisTestPrefix prefix, String shutdownTimeout)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkerProcessMain.class.getName()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(WorkerConfig.URL, server.uri() + "?prefix=" + prefix.value());
        builder.environment().put(WorkerConfig.SHUTDOWN_TIMEOUT, shutdownTimeout);
        builder.environment().put(WorkerConfig.HEALTH_PORT, "-1");
        builder.environment().put(WorkerConfig.NAME, "sigterm-test");
        return builder.start();
    }

    /**
     * Waits until the task's handler runs (its "Working" step is the job's progress): a job fetched
     * but not yet started when shutdown begins is handed back, which is not what these tests are about.
     */
    private static void awaitRunning(JobQueue queue, String id) {
        await().atMost(PATIENCE).until(() -> queue.getJob(id).map(Job::progressJson)
                .filter(p -> p.contains("\"step\":\"Working\"")).isPresent());
    }

    private static void terminate(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook runs
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the service exits").isTrue();
    }

    @Test
    void aTaskThatFinishesWithinTheTimeoutCompletes(RedisServer server, RedisTestPrefix prefix) throws Exception {
        try (TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=" + prefix.value())) {
            JobQueue queue = taskQueue.queue("chores");
            String id = queue.add("chores", new Chore("short", "sleep:4000"));
            Process service = startService(server, prefix, "30s");
            try {
                awaitRunning(queue, id);
                assertThat(queue.getState(id)).as("still running when told to stop").isEqualTo(JobState.ACTIVE);
                terminate(service);
            } finally {
                service.destroyForcibly();
            }
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
            Job job = queue.getJob(id).orElseThrow();
            assertThat(job.returnValueJson()).isEqualTo("\"done short\"");
            assertThat(job.attemptsMade()).isEqualTo(1);
            assertThat(job.processedBy()).startsWith("sigterm-test:");
        }
    }

    @Test
    void aTaskThatOutlastsTheTimeoutIsHandedBackWithoutSpendingAnAttempt(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        try (TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=" + prefix.value())) {
            JobQueue queue = taskQueue.queue("chores");
            String id = queue.add("chores", new Chore("long", "sleep:120000"));
            Process service = startService(server, prefix, "500ms");
            long start;
            try {
                awaitRunning(queue, id);
                start = System.nanoTime();
                terminate(service);
            } finally {
                service.destroyForcibly();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
            Job job = queue.getJob(id).orElseThrow();
            assertThat(job.attemptsMade()).isZero();
            assertThat(job.failedReason()).isNull();
        }
    }
}
