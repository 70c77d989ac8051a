package io.taskqueue.postgres;

import io.taskqueue.ErrorCategory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DeadLetters#applyPolicies} does with each dead letter, keyed by the name of the error
 * category the worker filed it under ({@link ErrorCategory#name()}). The defaults cover the core's
 * categories; an application adds policies for its own, e.g.
 * {@code builder().category("upstream", CategoryPolicy.replayAfter(Duration.ofMinutes(15)))} for an
 * application's {@code new ErrorCategory("upstream", true)}.
 *
 * <p>Defaults:
 * <ul>
 *   <li>transient: replayed at once, but only within {@link #DEFAULT_TRANSIENT_WINDOW} of failing;
 *       older ones are kept for review</li>
 *   <li>validation: archived (replaying bad input cannot help)</li>
 *   <li>infrastructure: replayed after {@link #DEFAULT_INFRASTRUCTURE_FIRST_DELAY} × 2^replays,
 *       capped at {@link #DEFAULT_INFRASTRUCTURE_MAX_DELAY}</li>
 *   <li>permanent, processing, unknown, and any category without a policy: kept for manual review
 *       (a permanent failure may be a missing handler or a job that stalled too often, which a
 *       person may want to replay after a fix)</li>
 * </ul>
 *
 * @param categories the policy of each category, by name
 * @param otherwise the policy of a category not in {@code categories}
 * @param maxAutoReplays how many replays a task gets from policies before it is left to a person
 */
public record DeadLetterPolicy(Map<String, CategoryPolicy> categories, CategoryPolicy otherwise,
        int maxAutoReplays) {

    /** Default transient window: 2 hours. */
    public static final Duration DEFAULT_TRANSIENT_WINDOW = Duration.ofHours(2);
    /** Default first infrastructure delay: 1 minute. */
    public static final Duration DEFAULT_INFRASTRUCTURE_FIRST_DELAY = Duration.ofMinutes(1);
    /** Default infrastructure delay cap: 1 hour. */
    public static final Duration DEFAULT_INFRASTRUCTURE_MAX_DELAY = Duration.ofHours(1);
    /** Default automatic replays per task: 5. */
    public static final int DEFAULT_MAX_AUTO_REPLAYS = 5;
    /** Default policy of a category without one: keep for review. */
    public static final CategoryPolicy DEFAULT_OTHERWISE = CategoryPolicy.keep();

    public DeadLetterPolicy {
        categories = Map.copyOf(categories);
        for (String name : categories.keySet()) {
            if (name.isBlank() || !name.equals(name.strip())) {
                throw new IllegalArgumentException("category names are non-blank without surrounding spaces,"
                        + " as ErrorCategory names: '" + name + "'");
            }
        }
        Objects.requireNonNull(otherwise, "otherwise");
        if (maxAutoReplays < 0) {
            throw new IllegalArgumentException("maxAutoReplays must not be negative: " + maxAutoReplays);
        }
    }

    /** The defaults. */
    public static DeadLetterPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder()
                .category(ErrorCategory.TRANSIENT.name(), CategoryPolicy.replayNow().within(DEFAULT_TRANSIENT_WINDOW))
                .category(ErrorCategory.VALIDATION.name(), CategoryPolicy.archive())
                .category(ErrorCategory.INFRASTRUCTURE.name(), CategoryPolicy.replayWithBackoff(
                        DEFAULT_INFRASTRUCTURE_FIRST_DELAY, DEFAULT_INFRASTRUCTURE_MAX_DELAY))
                .category(ErrorCategory.PERMANENT.name(), CategoryPolicy.keep())
                .category(ErrorCategory.PROCESSING.name(), CategoryPolicy.keep())
                .category(ErrorCategory.UNKNOWN.name(), CategoryPolicy.keep());
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder().otherwise(otherwise).maxAutoReplays(maxAutoReplays);
        categories.forEach(b::category);
        return b;
    }

    /** The policy for dead letters of category {@code name}. */
    public CategoryPolicy forCategory(String name) {
        return categories.getOrDefault(name, otherwise);
    }

    /** Mutable builder for {@link DeadLetterPolicy}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Map<String, CategoryPolicy> categories = new LinkedHashMap<>();
        private CategoryPolicy otherwise = DEFAULT_OTHERWISE;
        private int maxAutoReplays = DEFAULT_MAX_AUTO_REPLAYS;

        private Builder() {
        }

        /** Sets the policy of category {@code name}, replacing any earlier one. */
        public Builder category(String name, CategoryPolicy policy) {
            categories.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        public Builder otherwise(CategoryPolicy otherwise) {
            this.otherwise = otherwise;
            return this;
        }

        public Builder maxAutoReplays(int maxAutoReplays) {
            this.maxAutoReplays = maxAutoReplays;
            return this;
        }

        public DeadLetterPolicy build() {
            return new DeadLetterPolicy(categories, otherwise, maxAutoReplays);
        }
    }
}
