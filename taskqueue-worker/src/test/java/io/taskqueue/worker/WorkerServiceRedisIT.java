package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The framework's promises on a real Redis: retry decisions, backoff, steps in the queue and over HTTP. */
@ExtendWith(RedisExtension.class)
class WorkerServiceRedisIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static WorkerConfig.Builder config(RedisServer server, RedisTestPrefix prefix) {
        return WorkerConfig.builder().url(server.uri() + "?prefix=" + prefix.value()).healthPort(-1);
    }

    private static Job awaitFinal(WorkerService service, String id) {
        await().atMost(PATIENCE).until(() -> service.queue().getState(id).isFinal());
        return service.queue().getJob(id).orElseThrow();
    }

    @Test
    void aPermanentErrorFailsOnceWithNoRetry(RedisServer server, RedisTestPrefix prefix) {
        ChoreWorker worker = new ChoreWorker(config(server, prefix).attempts(5).backoff(Duration.ofMillis(10)).build());
        try (WorkerService service = WorkerService.builder(worker).build().start()) {
            String id = service.queue().add(worker.jobType(), new Chore("p", "permanent"));
            Job job = awaitFinal(service, id);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.FAILED);
            assertThat(job.attemptsMade()).isEqualTo(1);
            assertThat(job.options().attempts()).isEqualTo(5);
            assertThat(job.failedReason()).isEqualTo("chore p can never be done");
        }
    }

    @Test
    void aTransientErrorRetriesWithExponentialBackoff(RedisServer server, RedisTestPrefix prefix) {
        List<Step> steps = new CopyOnWriteArrayList<>();
        ChoreWorker worker = new ChoreWorker(config(server, prefix).attempts(3).backoff(Duration.ofMillis(300)).build());
        try (WorkerService service = WorkerService.builder(worker).reporter(steps::add).build().start()) {
            String id = service.queue().add(worker.jobType(), new Chore("t", "transient"));
            Job job = awaitFinal(service, id);
            assertThat(job.attemptsMade()).isEqualTo(3);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.FAILED);
            Instant[] failedAt = steps.stream().filter(s -> s.status() == Step.Status.FAILED).map(Step::at)
                    .toArray(Instant[]::new);
            Instant[] startedAt = steps.stream().filter(s -> s.percent() != null && s.percent() == 0).map(Step::at)
                    .toArray(Instant[]::new);
            assertThat(failedAt).hasSize(3);
            assertThat(startedAt).hasSize(3);
            // 300 ms, then 600 ms: a fixed or missing backoff starts the third attempt far sooner.
            assertThat(Duration.between(failedAt[0], startedAt[1])).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(Duration.between(failedAt[1], startedAt[2])).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void stepsReachTheQueuesProgressAndTheHttpReporter(RedisServer server, RedisTestPrefix prefix) {
        try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
            endpoint.failNext.set(1);
            ChoreWorker worker = new ChoreWorker(config(server, prefix).progress(new ProgressEndpoint(endpoint.url(),
                    "mutation P($input: TaskProgressInput!) { progress(input: $input) { ok } }",
                    Map.of("Authorization", "Bearer t0ken"))).build());
            List<String> progress = new CopyOnWriteArrayList<>();
            try (WorkerService service = WorkerService.builder(worker).build().start()) {
                String id = service.queue().add(worker.jobType(), new Chore("s", "sleep:300"));
                await().atMost(PATIENCE).until(() -> {
                    service.queue().getJob(id).map(Job::progressJson).filter(p -> !progress.contains(p))
                            .ifPresent(progress::add);
                    return service.queue().getState(id).isFinal();
                });
                assertThat(service.queue().getState(id)).isEqualTo(JobState.COMPLETED);
                assertThat(service.queue().getJob(id).orElseThrow().progressJson())
                        .contains("\"step\":\"Completed\",\"percent\":100,\"status\":\"completed\"");
                assertThat(progress).anySatisfy(p -> assertThat(p).contains("\"step\":\"Working\",\"percent\":50"));
                await().atMost(PATIENCE).until(() -> endpoint.steps(id).size() == 4);
                assertThat(endpoint.steps(id)).containsExactly("Reading chore s", "Working", "Saving", "Completed");
                assertThat(endpoint.refused).hasValue(1);
                RecordingEndpoint.Request first = endpoint.requests.get(0);
                assertThat(first.headers().get("Authorization")).containsExactly("Bearer t0ken");
                assertThat(first.body().path("query").asText()).startsWith("mutation P(");
                assertThat(first.input("workerType")).isEqualTo("chores");
                assertThat(first.input("status")).isEqualTo("running");
                assertThat(first.input("attempt")).isEqualTo("1");
            }
        }
    }

    @Test
    void aReporterThatIsDownChangesNoOutcome(RedisServer server, RedisTestPrefix prefix) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChoreWorker worker = new ChoreWorker(config(server, prefix).attempts(2).backoff(Duration.ofMillis(10)).build());
        try (GraphqlStepReporter down = GraphqlStepReporter.start(
                ProgressEndpoint.of(URI.create("http://127.0.0.1:" + closedPort + "/graphql")), 2,
                Duration.ofMillis(5), Duration.ofSeconds(1), 100);
                WorkerService service = WorkerService.builder(worker).reporter(down).build().start()) {
            String ok = service.queue().add(worker.jobType(), new Chore("ok", "ok"));
            String flaky = service.queue().add(worker.jobType(), new Chore("flaky", "flaky"));
            String permanent = service.queue().add(worker.jobType(), new Chore("perm", "permanent"));
            assertThat(awaitFinal(service, ok).returnValueJson()).isEqualTo("\"done ok\"");
            assertThat(service.queue().getState(ok)).isEqualTo(JobState.COMPLETED);
            assertThat(awaitFinal(service, flaky).attemptsMade()).isEqualTo(2);
            assertThat(service.queue().getState(flaky)).isEqualTo(JobState.COMPLETED);
            assertThat(awaitFinal(service, permanent).attemptsMade()).isEqualTo(1);
            assertThat(service.queue().getState(permanent)).isEqualTo(JobState.FAILED);
            await().atMost(PATIENCE).until(() -> down.dropped() > 0);
            assertThat(down.sent()).isZero();
        }
    }
}
