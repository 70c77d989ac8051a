package io.taskqueue.spring;

import io.taskqueue.Handlers;
import io.taskqueue.JobHandler;
import io.taskqueue.JobType;
import java.util.Objects;

/**
 * A handler for a typed {@link JobType} on one queue, declared as a bean; the style for applications
 * that share their {@code JobType} constants between producers and workers.
 *
 * <pre>{@code
 * @Bean
 * TaskHandlerRegistration<Email, Receipt> sendEmail(Mailer mailer) {
 *     return TaskHandlerRegistration.of("emails", SEND_EMAIL, ctx -> mailer.send(ctx.data()));
 * }
 * }</pre>
 *
 * @param queue the queue whose worker runs the handler
 * @param type the job type
 * @param handler the handler
 * @param <D> the data type
 * @param <R> the result type
 */
public record TaskHandlerRegistration<D, R>(String queue, JobType<D, R> type, JobHandler<D, R> handler) {
    public TaskHandlerRegistration {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
    }

    /** A registration of {@code handler} for {@code type} on {@code queue}. */
    public static <D, R> TaskHandlerRegistration<D, R> of(String queue, JobType<D, R> type, JobHandler<D, R> handler) {
        return new TaskHandlerRegistration<>(queue, type, handler);
    }

    /** Adds this handler to {@code builder}. */
    void addTo(Handlers.Builder builder) {
        builder.on(type, handler);
    }
}
