package io.taskqueue.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerHealth;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandler;
import io.taskqueue.spring.TaskQueueWorkers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

/**
 * A whole application on a real Redis and a real web server: a handler bean runs a job,
 * {@code /actuator/health} reports the workers over HTTP, and closing the context while jobs run lets
 * the one that finishes in time finish and hands the other back to the queue.
 */
@SpringBootTest(classes = TaskQueueSpringBootIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always",
            "spring.lifecycle.timeout-per-shutdown-phase=3s",
            "taskqueue.workers.greetings.drain-delay=200ms",
            "taskqueue.workers.slow.drain-delay=200ms", "taskqueue.workers.slow.concurrency=2"})
// The test closes the context itself; the default listeners would look the closed context up again
// after the test (to publish events) and fail. These two inject it and drop it from the cache.
@TestExecutionListeners(listeners = {DependencyInjectionTestExecutionListener.class,
    DirtiesContextTestExecutionListener.class}, mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class TaskQueueSpringBootIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Keeps this test's keys apart when the server is an external one shared with other tests. */
    private static final String PREFIX = "spring-it-" + UUID.randomUUID();
    private static RedisServer redis;

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JobQueues queues;
    @Autowired
    private TaskQueueWorkers workers;
    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("taskqueue.url", TaskQueueSpringBootIT::url);
    }

    private static synchronized String url() {
        if (redis == null) {
            redis = RedisServer.start();
        }
        return redis.uri() + "?prefix=" + PREFIX;
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @DirtiesContext
    void runsJobsReportsHealthOverHttpAndShutsDownGracefully() throws Exception {
        JobQueue greetings = queues.get("greetings");
        Job greeted = greetings.awaitFinished(greetings.add("greet", "Ada"), WAIT);
        assertThat(greeted.returnValueJson()).isEqualTo("\"hello Ada\"");
        // The worker counts an attempt just after it stored the outcome the queue reports.
        await().atMost(WAIT).until(() -> workers.workers().get("greetings").health().completed() == 1);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/actuator/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"taskQueue\"", "\"greetings\"", "\"slow\"", "\"state\":\"RUNNING\"",
                "\"completed\":1");

        JobQueue slow = queues.get("slow");
        String finishing = slow.add("finish-when-told", null);
        String holding = slow.add("hold", null);
        assertThat(App.STARTED.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("both slow jobs started").isTrue();
        Worker slowWorker = workers.workers().get("slow");
        Thread closer = new Thread(context::close, "test-context-close");
        closer.start();
        await().atMost(WAIT).until(() -> slowWorker.health().state() != WorkerHealth.State.RUNNING);
        App.FINISH.countDown();
        closer.join(WAIT.toMillis());
        assertThat(closer.isAlive()).as("context closed within the shutdown phase").isFalse();

        try (TaskQueue check = TaskQueue.open(url())) {
            JobQueue stored = check.queue("slow");
            assertThat(stored.getState(finishing)).isEqualTo(JobState.COMPLETED);
            assertThat(stored.getState(holding)).as("handed back").isEqualTo(JobState.WAITING);
            assertThat(stored.getJob(holding).orElseThrow().attemptsMade()).isZero();
        }
    }

    /** The application: handler beans on two queues. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        static final CountDownLatch STARTED = new CountDownLatch(2);
        static final CountDownLatch FINISH = new CountDownLatch(1);

        @Bean
        Handlers handlers() {
            return new Handlers();
        }
    }

    /** Handler methods. */
    static class Handlers {
        @TaskHandler(queue = "greetings", job = "greet")
        String greet(String name) {
            return "hello " + name;
        }

        /** Runs until the test lets it finish, which it does while the context closes. */
        @TaskHandler(queue = "slow", job = "finish-when-told")
        String finishWhenTold() throws InterruptedException {
            App.STARTED.countDown();
            App.FINISH.await();
            return "finished";
        }

        /** Runs until the worker stops it at the end of the shutdown phase. */
        @TaskHandler(queue = "slow", job = "hold")
        String hold() throws InterruptedException {
            App.STARTED.countDown();
            new CountDownLatch(1).await();
            return "never";
        }
    }
}
