package io.taskqueue.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.JobQueue;
import io.taskqueue.JobType;
import io.taskqueue.micrometer.TaskQueueMetrics;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandlerRegistration;
import io.taskqueue.spring.TaskQueueHealthIndicator;
import io.taskqueue.spring.TaskQueueWorkers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator's verdicts and conditions, and the meters. */
class HealthAndMetricsTest {

    @Test
    void upWithEachWorkersDetailsWhileTheWorkersRun() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class).run(context -> {
            JobQueue emails = context.getBean(JobQueues.class).get("emails");
            emails.awaitFinished(emails.add("echo", 1), Duration.ofSeconds(10));
            TaskQueueWorkers workers = context.getBean(TaskQueueWorkers.class);
            // The worker counts an attempt just after it stored the outcome the queue reports.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> workers.workers().get("emails").health().completed() == 1);
            // The backend is asked on the check's own thread; the first answer comes soon after start.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    context.getBean(TaskQueueHealthIndicator.class).health().getStatus().equals(Status.UP));
            Health health = context.getBean(TaskQueueHealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("backend", "UP");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reported = (List<Map<String, Object>>) health.getDetails().get("workers");
            assertThat(reported).singleElement().satisfies(worker -> assertThat(worker)
                    .containsEntry("queue", "emails").containsEntry("state", "RUNNING")
                    .containsEntry("activeJobs", 0).containsEntry("completed", 1L).containsKey("lastFetch"));
        });
    }

    @Test
    void downWhenAWorkerIsNotRunningOrHasNotFetchedForTooLong() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class)
                .withPropertyValues("taskqueue.auto-startup=false").run(context -> {
                    Health health = context.getBean(TaskQueueHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("notStarted", List.of("emails"));
                });
        // A silence shorter than the idle worker's wait for work: its last fetch is always stale.
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class).withPropertyValues(
                "taskqueue.workers.emails.drain-delay=5s", "taskqueue.health.max-fetch-silence=1ms").run(context -> {
                    TaskQueueWorkers workers = context.getBean(TaskQueueWorkers.class);
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                            .until(() -> workers.workers().get("emails").health().lastFetchAt() != null);
                    assertThat(context.getBean(TaskQueueHealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.DOWN);
                });
    }

    @Test
    void healthIndicatorOnlyWithSpringBootHealthAndWhenEnabled() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class)
                .withPropertyValues("management.health.taskqueue.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TaskQueueHealthIndicator.class));
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueHealthIndicator.class));
    }

    @Test
    void theTaskQueueMetersGoToTheApplicationsRegistry() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class, Registry.class).run(context -> {
            SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
            assertThat(context).hasSingleBean(TaskQueueMetrics.class);
            JobQueue emails = context.getBean(JobQueues.class).get("emails");
            emails.awaitFinished(emails.add("echo", 1), Duration.ofSeconds(10));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    registry.get("taskqueue.jobs.completed").tags("queue", "emails", "job_name", "echo")
                            .counter().count()).isEqualTo(1.0));
            assertThat(registry.get("taskqueue.jobs.added").tags("queue", "emails").counter().count()).isEqualTo(1.0);
        });
        // Without a registry there are no meters, and nothing fails.
        AutoConfigurationRunners.inMemory().withUserConfiguration(Echo.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueMetrics.class));
    }

    /** An application's meter registry. */
    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    /** One handler on {@code emails}. */
    @Configuration(proxyBeanMethods = false)
    static class Echo {
        @Bean
        TaskHandlerRegistration<Object, Object> echo() {
            return TaskHandlerRegistration.of("emails", JobType.untyped("echo"), ctx -> ctx.data());
        }
    }
}
