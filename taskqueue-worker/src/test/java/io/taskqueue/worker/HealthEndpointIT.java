package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.taskqueue.JobState;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker service's HTTP endpoint over a real Redis that goes away and comes back. */
@ExtendWith(RedisExtension.class)
class HealthEndpointIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int status(int port, String path) {
        try {
            return send(port, "GET", path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void readinessFollowsRedisDownAndBackUp(RedisServer server, RedisTestPrefix prefix) throws Exception {
        assertThat(server.isExternal()).as("this test stops the server; unset TASKQUEUE_TEST_REDIS_URL").isFalse();
        ChoreWorker worker = new ChoreWorker(WorkerServiceRedisIT.config(server, prefix).healthPort(0).build());
        try (WorkerService service = WorkerService.builder(worker).probeInterval(Duration.ofMillis(200)).build()
                .start()) {
            int port = service.healthPort();
            await().atMost(PATIENCE).until(() -> status(port, "/health/ready") == 200);
            HttpResponse<String> ready = send(port, "GET", "/health/ready");
            assertThat(ready.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(ready.body()).contains("\"status\":\"UP\"", "\"worker\":\"RUNNING\"", "\"backend\":\"UP\"",
                    "\"workerId\":\"" + service.workerId() + "\"");

            server.stop();
            await().atMost(PATIENCE).until(() -> status(port, "/health/ready") == 503);
            HttpResponse<String> down = send(port, "GET", "/health/ready");
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"backend\":\"DOWN\"");
            assertThat(status(port, "/health/live")).isEqualTo(200);

            server.restart();
            await().atMost(PATIENCE).until(() -> status(port, "/health/ready") == 200);
            // And it works again, not only answers.
            String id = service.queue().add(worker.jobType(), new Chore("back", "ok"));
            await().atMost(PATIENCE).until(() -> service.queue().getState(id) == JobState.COMPLETED);
        }
    }

    @Test
    void metricsAreServedFromTheRegistryAndOtherRequestsAreRefused(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ChoreWorker worker = new ChoreWorker(WorkerServiceRedisIT.config(server, prefix).healthPort(0).build());
        try (WorkerService service = WorkerService.builder(worker).meterRegistry(registry).metrics(registry::scrape)
                .build().start()) {
            int port = service.healthPort();
            String id = service.queue().add(worker.jobType(), new Chore("m", "ok"));
            String failing = service.queue().add(worker.jobType(), new Chore("m2", "permanent"));
            await().atMost(PATIENCE).until(() -> service.queue().getState(id) == JobState.COMPLETED
                    && service.queue().getState(failing) == JobState.FAILED);
            await().atMost(PATIENCE).until(() -> send(port, "GET", "/metrics").body()
                    .contains("taskqueue_jobs_failed_total"));
            // The task queue meters of taskqueue-micrometer, tagged with the worker type.
            String metrics = send(port, "GET", "/metrics").body();
            assertThat(metrics).contains("taskqueue_jobs_added_total{job_name=\"chores\",queue=\"chores\","
                    + "worker_type=\"chores\"} 2.0");
            assertThat(metrics).contains("taskqueue_jobs_completed_total{job_name=\"chores\",queue=\"chores\","
                    + "worker_type=\"chores\"} 1.0");
            assertThat(metrics).contains("taskqueue_jobs_failed_total{category=\"permanent\",job_name=\"chores\","
                    + "outcome=\"failed\",queue=\"chores\",worker_type=\"chores\"} 1.0");
            assertThat(metrics).contains("taskqueue_job_duration_seconds_count{job_name=\"chores\","
                    + "outcome=\"completed\",queue=\"chores\",worker_type=\"chores\"} 1");
            assertThat(metrics).contains("taskqueue_job_wait_seconds_bucket{");
            assertThat(metrics).contains("taskqueue_jobs_active{queue=\"chores\",worker_type=\"chores\"} 0.0");
            assertThat(metrics).contains("taskqueue_queue_jobs{queue=\"chores\",state=\"waiting\","
                    + "worker_type=\"chores\"}");

            assertThat(send(port, "POST", "/health/ready").statusCode()).isEqualTo(405);
            assertThat(send(port, "DELETE", "/metrics").statusCode()).isEqualTo(405);
            assertThat(send(port, "GET", "/health/../../etc/passwd").statusCode()).isEqualTo(404);
            assertThat(send(port, "GET", "/").statusCode()).isEqualTo(404);
            assertThat(send(port, "HEAD", "/health/live").statusCode()).isEqualTo(200);
        }
    }
}
