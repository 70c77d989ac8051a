package io.taskqueue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers a worker runs, keyed by job name. Immutable; build with {@link #builder()}. A job
 * whose name has no handler fails with a clear reason and the worker goes on.
 */
public final class Handlers {
    private final Map<String, Registration<?, ?>> byName;

    private Handlers(Map<String, Registration<?, ?>> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The registration for a job name. */
    public Optional<Registration<?, ?>> find(String jobName) {
        return Optional.ofNullable(byName.get(jobName));
    }

    /** The registered job names. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * A handler with the job type it serves.
     *
     * @param type the job type
     * @param handler its handler
     * @param <D> data type
     * @param <R> result type
     */
    public record Registration<D, R>(JobType<D, R> type, JobHandler<D, R> handler) {
        public Registration {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /** Builder for {@link Handlers}. */
    public static final class Builder {
        private final Map<String, Registration<?, ?>> byName = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers the handler of a typed job; a name may be registered once. */
        public <D, R> Builder on(JobType<D, R> type, JobHandler<D, R> handler) {
            Registration<D, R> registration = new Registration<>(type, handler);
            if (byName.putIfAbsent(type.name(), registration) != null) {
                throw new IllegalArgumentException("a handler for job name '" + type.name() + "' is already registered");
            }
            return this;
        }

        /** Registers a handler for an untyped job (data and result are JSON trees). */
        public Builder on(String name, JobHandler<Object, Object> handler) {
            return on(JobType.untyped(name), handler);
        }

        public Handlers build() {
            return new Handlers(byName);
        }
    }
}
