package io.taskqueue;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A typed job definition: its name and the Java types of its data and result. Producers add jobs
 * through it and workers register handlers for it, so both sides agree at compile time.
 *
 * <pre>{@code
 * static final JobType<Email, Receipt> SEND_EMAIL = JobType.of("send-email", Email.class, Receipt.class);
 * queue.add(SEND_EMAIL, new Email("a@b.c", "hi"));
 * }</pre>
 *
 * @param name the job name stored with each job
 * @param dataType the payload type (a class, or a parameterized type for generics)
 * @param resultType the result type
 * @param <D> the payload type
 * @param <R> the result type
 */
public record JobType<D, R>(String name, Type dataType, Type resultType) {
    public JobType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(resultType, "resultType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("job name must not be blank");
        }
    }

    /** A job type with class-typed data and result. */
    public static <D, R> JobType<D, R> of(String name, Class<D> dataType, Class<R> resultType) {
        return new JobType<>(name, dataType, resultType);
    }

    /** A job type whose data and result are plain JSON trees (maps, lists, strings, numbers). */
    public static JobType<Object, Object> untyped(String name) {
        return new JobType<>(name, Object.class, Object.class);
    }
}
