package io.taskqueue.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobType;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandlerRegistration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Handlers run on virtual threads when the application turns them on and the JDK has them. The CI's
 * second pass on JDK 21+ sets {@code taskqueue.test.virtualThreads}, so that there this test fails
 * instead of quietly checking the platform-thread fallback.
 */
class VirtualThreadHandlersTest {

    @Test
    void handlersRunOnVirtualThreadsWhenSpringAsksForThemAndTheJdkHasThem() {
        boolean jdkHasThem = Runtime.version().feature() >= 21;
        boolean required = Boolean.getBoolean("taskqueue.test.virtualThreads");
        assertThat(jdkHasThem || !required).as("virtual threads required, on " + Runtime.version()).isTrue();
        AutoConfigurationRunners.inMemory().withUserConfiguration(ThreadReporter.class)
                .withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
                    JobQueue emails = context.getBean(JobQueues.class).get("emails");
                    Job job = emails.awaitFinished(emails.add("thread", null), Duration.ofSeconds(10));
                    assertThat(job.returnValueJson()).isEqualTo(jdkHasThem ? "\"virtual\"" : "\"platform\"");
                });
    }

    @Test
    void handlersStayOnPlatformThreadsUnlessAskedFor() {
        AutoConfigurationRunners.platformThreads().withUserConfiguration(ThreadReporter.class).run(context -> {
            JobQueue emails = context.getBean(JobQueues.class).get("emails");
            assertThat(emails.awaitFinished(emails.add("thread", null), Duration.ofSeconds(10)).returnValueJson())
                    .isEqualTo("\"platform\"");
        });
    }

    /** Answers whether its handler ran on a virtual thread. */
    @Configuration(proxyBeanMethods = false)
    static class ThreadReporter {
        @Bean
        TaskHandlerRegistration<Object, Object> thread() {
            return TaskHandlerRegistration.of("emails", JobType.untyped("thread"),
                    ctx -> isVirtual(Thread.currentThread()) ? "virtual" : "platform");
        }

        private static boolean isVirtual(Thread thread) {
            // Thread.isVirtual() exists from Java 21; these tests compile for 17.
            try {
                return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }
}
