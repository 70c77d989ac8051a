package io.taskqueue.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.JobQueue;
import io.taskqueue.JobType;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandler;
import io.taskqueue.spring.TaskHandlerRegistration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Each way to declare a handler runs its jobs, with the data decoded as the declared type. */
class HandlerStylesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A job's data. */
    record Email(String to, String subject) {
    }

    @Test
    void annotatedBeansMethodsAndRegistrationsAllRun() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Handlers.class).run(context -> {
            JobQueue emails = context.getBean(JobQueues.class).get("emails");
            assertThat(result(emails, emails.add("by-class", new Email("ada@example.com", "hi"))))
                    .isEqualTo("\"class:ada@example.com\"");
            assertThat(result(emails, emails.add("by-method", new Email("bob@example.com", "hi"))))
                    .isEqualTo("\"method:bob@example.com\"");
            assertThat(result(emails, emails.add("by-context", new Email("cy@example.com", "hi"))))
                    .isEqualTo("\"context:cy@example.com:1\"");
            assertThat(result(emails, emails.add("no-arguments", null))).isEqualTo("\"none\"");
            assertThat(result(emails, emails.add(Handlers.TYPED, new Email("di@example.com", "hi"))))
                    .isEqualTo("\"registration:di@example.com\"");
            assertThat(context.getBean(JobQueues.class).get("emails")).isSameAs(emails);
        });
    }

    @Test
    void aMethodsExceptionFailsTheJobWithItsOwnMessage() {
        AutoConfigurationRunners.inMemory().withUserConfiguration(Handlers.class).run(context -> {
            JobQueue emails = context.getBean(JobQueues.class).get("emails");
            Job failed = emails.awaitFinished(emails.add("throws", Map.of()), WAIT);
            assertThat(failed.failedReason()).isEqualTo("no mail server");
        });
    }

    private static String result(JobQueue queue, String id) {
        Job job = queue.awaitFinished(id, WAIT);
        assertThat(job.failedReason()).as("failed reason of %s", job.name()).isNull();
        return job.returnValueJson();
    }

    /** A handler class, a bean with handler methods and a registration. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {
        static final JobType<Email, String> TYPED = JobType.of("typed", Email.class, String.class);

        @Bean
        ByClass byClass() {
            return new ByClass();
        }

        @Bean
        Methods methods() {
            return new Methods();
        }

        @Bean
        TaskHandlerRegistration<Email, String> typed() {
            return TaskHandlerRegistration.of("emails", TYPED, ctx -> "registration:" + ctx.data().to());
        }
    }

    /** A whole-class handler whose data type comes from its type argument. */
    @Component
    @TaskHandler(queue = "emails", job = "by-class")
    static class ByClass implements JobHandler<Email, String> {
        @Override
        public String handle(JobContext<Email> context) {
            return "class:" + context.data().to();
        }
    }

    /** Handler methods. */
    static class Methods {
        @TaskHandler(queue = "emails", job = "by-method")
        String send(Email email) {
            return "method:" + email.to();
        }

        @TaskHandler(queue = "emails", job = "by-context")
        String withContext(JobContext<Email> context) {
            return "context:" + context.data().to() + ":" + context.attempt();
        }

        @TaskHandler(queue = "emails", job = "no-arguments")
        String none() {
            return "none";
        }

        @TaskHandler(queue = "emails", job = "throws")
        void fails() throws java.io.IOException {
            throw new java.io.IOException("no mail server");
        }
    }
}
