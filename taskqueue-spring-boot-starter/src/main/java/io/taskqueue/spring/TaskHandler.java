package io.taskqueue.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that a worker on {@link #queue()} runs for jobs named {@link #job()}.
 *
 * <p>On a bean class that implements {@link io.taskqueue.JobHandler}: the bean handles the job, and
 * its data type is the handler's first type argument. On a method of any bean: the method handles
 * the job; it takes nothing, the job's data, or the {@link io.taskqueue.JobContext} (whose type
 * argument is the data type), and what it returns is the job's result.
 *
 * <pre>{@code
 * @Component
 * class Mailer {
 *     @TaskHandler(queue = "emails", job = "send-email")
 *     Receipt send(Email email) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TaskHandler {
    /** The queue whose worker runs the handler. */
    String queue();

    /** The job name the handler is registered for. */
    String job();
}
