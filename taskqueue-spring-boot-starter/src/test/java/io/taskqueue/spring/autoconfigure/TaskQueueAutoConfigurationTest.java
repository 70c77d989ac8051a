package io.taskqueue.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Backoff;
import io.taskqueue.JobOptions;
import io.taskqueue.TaskQueue;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandlerRegistration;
import io.taskqueue.spring.TaskQueueWorkers;
import io.taskqueue.JobType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans, bound properties and backing off, on the in-memory backend. */
class TaskQueueAutoConfigurationTest {

    @Test
    void buildsTheTaskQueueQueuesAndWorkersFromProperties() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(EchoHandler.class).withPropertyValues(
                "taskqueue.queues.emails.attempts=3", "taskqueue.queues.emails.backoff=exponential",
                "taskqueue.queues.emails.backoff-delay=2s", "taskqueue.queues.emails.priority=7",
                "taskqueue.workers.emails.concurrency=4", "taskqueue.workers.emails.close-timeout=5s",
                "taskqueue.workers.emails.name=mailer")
                .run(context -> {
                    assertThat(context).hasSingleBean(TaskQueue.class).hasSingleBean(JobQueues.class)
                            .hasSingleBean(TaskQueueWorkers.class);
                    assertThat(context.getBean(TaskQueue.class).describe()).isEqualTo("in-memory");
                    JobOptions emails = context.getBean(JobQueues.class).defaultJobOptions("emails");
                    assertThat(emails.attempts()).isEqualTo(3);
                    assertThat(emails.backoff()).isEqualTo(Backoff.exponential(Duration.ofSeconds(2)));
                    assertThat(emails.priority()).isEqualTo(7);
                    assertThat(context.getBean(JobQueues.class).defaultJobOptions("other")).isEqualTo(JobOptions.defaults());
                    TaskQueueWorkers workers = context.getBean(TaskQueueWorkers.class);
                    assertThat(workers.isRunning()).isTrue();
                    var options = workers.workers().get("emails").options();
                    assertThat(options.concurrency()).isEqualTo(4);
                    assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.name()).isEqualTo("mailer");
                    assertThat(options.drainDelay()).isEqualTo(Duration.ofMillis(50));
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        AutoConfigurationRunners.starter().withUserConfiguration(OwnBeans.class).run(context -> {
            // No backend properties at all: the application's TaskQueue is the one in use.
            assertThat(context).hasNotFailed().hasSingleBean(TaskQueue.class).hasSingleBean(JobQueues.class);
            assertThat(context.getBean(TaskQueue.class)).isSameAs(context.getBean(OwnBeans.class).taskQueue);
            assertThat(context.getBean(JobQueues.class)).isSameAs(context.getBean(OwnBeans.class).queues);
        });
    }

    @Test
    void failsNamingThePropertiesWhenNoBackendIsConfigured() {
        AutoConfigurationRunners.starter().run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("taskqueue.url").hasMessageContaining("spring.data.redis"));
    }

    @Test
    void autoStartupFalseLeavesTheWorkersStopped() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(EchoHandler.class)
                .withPropertyValues("taskqueue.auto-startup=false").run(context -> {
                    TaskQueueWorkers workers = context.getBean(TaskQueueWorkers.class);
                    assertThat(workers.isRunning()).isFalse();
                    assertThat(workers.workers()).isEmpty();
                    assertThat(workers.handledQueues()).containsExactly("emails");
                });
    }

    @Test
    void listensOnlyOnQueuesThatHaveHandlers() {
        AutoConfigurationRunners.inMemory().withPropertyValues("taskqueue.workers.reports.concurrency=2")
                .run(context -> assertThat(context.getBean(TaskQueueWorkers.class).workers()).isEmpty());
    }

    /** One handler on the queue {@code emails}. */
    @Configuration(proxyBeanMethods = false)
    static class EchoHandler {
        @Bean
        TaskHandlerRegistration<Object, Object> echo() {
            return TaskHandlerRegistration.of("emails", JobType.untyped("echo"), ctx -> ctx.data());
        }
    }

    /** An application that builds its own task queue and queues. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final TaskQueue taskQueue = TaskQueue.open("memory:");
        final JobQueues queues = new JobQueues(taskQueue, java.util.Map.of());

        @Bean
        TaskQueue ownTaskQueue() {
            return taskQueue;
        }

        @Bean
        JobQueues ownQueues() {
            return queues;
        }
    }
}
