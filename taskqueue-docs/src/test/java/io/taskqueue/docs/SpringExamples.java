package io.taskqueue.docs;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.JobQueue;
import io.taskqueue.JobType;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandler;
import io.taskqueue.spring.TaskHandlerRegistration;

/**
 * The code docs/spring.md shows. The classes carry no Spring stereotype here, since this module does
 * not depend on Spring itself; in an application they are beans ({@code @Component} or {@code @Bean}).
 */
final class SpringExamples {
    /** A job's data. */
    record Email(String to, String subject) {
    }

    /** A job's result. */
    record Receipt(String to) {
    }

    static final JobType<Email, Receipt> SEND_EMAIL = JobType.of("send-email", Email.class, Receipt.class);

    private SpringExamples() {
    }

    // tag::method[]
    static class Mailer {                      // a @Component
        @TaskHandler(queue = "emails", job = "send-email")
        Receipt send(Email email) {            // or (JobContext<Email> context), or ()
            return new Receipt(email.to());
        }
    }
    // end::method[]

    // tag::class[]
    @TaskHandler(queue = "emails", job = "send-email")
    static class SendEmail implements JobHandler<Email, Receipt> {   // a @Component
        @Override
        public Receipt handle(JobContext<Email> context) {
            context.log("sending to " + context.data().to());
            return new Receipt(context.data().to());
        }
    }
    // end::class[]

    static class Configuration {
        // tag::registration[]
        // in a @Configuration class; SEND_EMAIL is the JobType the producers use too
        TaskHandlerRegistration<Email, Receipt> sendEmail(Mailer mailer) {   // a @Bean
            return TaskHandlerRegistration.of("emails", SEND_EMAIL, ctx -> mailer.send(ctx.data()));
        }
        // end::registration[]
    }

    static String produce(JobQueues queues) {
        // tag::produce[]
        JobQueue emails = queues.get("emails");   // default job options from taskqueue.queues.emails.*
        String id = emails.add(SEND_EMAIL, new Email("ada@example.com", "Welcome"));
        // end::produce[]
        return id;
    }
}
