package io.taskqueue.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The meters after a known sequence on a real Redis: three jobs completed, two failed after a retry
 * each, and one stalled because the process running it was killed (it is then recovered and is one of
 * the three completed).
 */
@ExtendWith(RedisExtension.class)
class MetricsRedisIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String QUEUE = "metered";

    @Test
    void metersMatchThreeCompletedTwoFailedAfterRetriesAndOneStalled(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        String url = server.uri() + "?prefix=" + prefix.value();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters meters = new Meters(registry);
        MetricsOptions options = MetricsOptions.builder().pollInterval(Duration.ofMillis(100)).build();
        try (TaskQueue tq = TaskQueue.builder().backend(url).extension(TaskQueueMetrics.of(registry, options)).build();
                JobQueue queue = tq.queue(QUEUE)) {
            String stalled = queue.add("hang", Map.of());
            killWhileRunning(url, stalled);
            assertThat(queue.getState(stalled)).isEqualTo(JobState.ACTIVE);

            for (int i = 0; i < 2; i++) {
                queue.add("ok", Map.of());
            }
            for (int i = 0; i < 2; i++) {
                queue.add("bad", Map.of(), JobOptions.builder().attempts(2).build());
            }
            Handlers handlers = Handlers.builder().on("ok", ctx -> "done").on("hang", ctx -> "recovered").on("bad", ctx -> {
                throw new IllegalStateException("always");
            }).build();
            WorkerOptions survivor = WorkerOptions.builder().stalledInterval(Duration.ofMillis(500))
                    .drainDelay(Duration.ofMillis(100)).build();
            try (Worker worker = tq.worker(QUEUE).handlers(handlers).options(survivor).build().start()) {
                await().atMost(PATIENCE).until(() -> meters.count(MeterNames.JOBS_STALLED) == 1
                        && meters.count(MeterNames.JOBS_COMPLETED) == 3 && meters.count(MeterNames.JOBS_FAILED) == 2);
                await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "failed") == 2
                        && meters.gauge(MeterNames.QUEUE_JOBS, "state", "completed") == 3);
            }
            assertThat(queue.getState(stalled)).isEqualTo(JobState.COMPLETED);

            assertThat(meters.count(MeterNames.JOBS_ADDED, "queue", QUEUE, "job_name", "hang")).isEqualTo(1);
            assertThat(meters.count(MeterNames.JOBS_ADDED, "job_name", "ok")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_ADDED, "job_name", "bad")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_COMPLETED, "queue", QUEUE, "job_name", "ok")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_COMPLETED, "job_name", "hang")).isEqualTo(1);
            assertThat(meters.count(MeterNames.JOBS_FAILED, "job_name", "bad", "category", "processing",
                    "outcome", "failed")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_RETRIED, "job_name", "bad", "category", "processing"))
                    .isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_STALLED, "queue", QUEUE)).isEqualTo(1);
            assertThat(meters.count(MeterNames.JOBS_LOCK_LOST)).isZero();

            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "completed")).isEqualTo(3);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "job_name", "bad", "outcome", "retried"))
                    .isEqualTo(2);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "job_name", "bad", "outcome", "failed"))
                    .isEqualTo(2);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION)).isEqualTo(7);
            // Four first starts here: the recovered job first started in the killed process.
            assertThat(meters.timerCount(MeterNames.JOB_WAIT, "job_name", "ok")).isEqualTo(2);
            assertThat(meters.timerCount(MeterNames.JOB_WAIT, "job_name", "bad")).isEqualTo(2);
            assertThat(meters.timerCount(MeterNames.JOB_WAIT)).isEqualTo(4);

            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "queue", QUEUE, "state", "waiting")).isZero();
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "active")).isZero();
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "delayed")).isZero();
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "prioritized")).isZero();
            assertThat(meters.gauge(MeterNames.JOBS_ACTIVE, "queue", QUEUE)).isZero();
        }
    }

    /** Runs a worker process until it holds {@code jobId}, then kills it: no shutdown hook, no lock release. */
    private static void killWhileRunning(String url, String jobId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process doomed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StallingWorkerMain.class.getName(), url, QUEUE)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("STARTED"));
            assertThat(line).isEqualTo("STARTED " + jobId);
        } finally {
            doomed.destroyForcibly();
            doomed.waitFor();
        }
    }
}
