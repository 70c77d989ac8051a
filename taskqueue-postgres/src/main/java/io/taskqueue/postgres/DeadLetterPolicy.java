package io.taskqueue.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link DeadLetters#applyPolicies} does with each dead letter, by category (the seed's DLQ
 * handler). The seed names the actions; the numbers other than the 2-hour window are project
 * choices.
 *
 * <ul>
 *   <li>transient: replayed at once, but only within {@code transientWindow} of failing; older ones
 *       are kept for review</li>
 *   <li>validation: archived (replaying bad input cannot help)</li>
 *   <li>processing and unknown: kept for manual review</li>
 *   <li>infrastructure: replayed after {@code infrastructureBaseDelay × 2^replays}, capped at
 *       {@code infrastructureMaxDelay}</li>
 *   <li>partner_api: replayed after {@code partnerApiDelay}</li>
 * </ul>
 * A task already replayed {@code maxAutoReplays} times is kept for review whatever its category.
 *
 * @param transientWindow how long after failing a transient dead letter is still replayed
 * @param infrastructureBaseDelay the first infrastructure replay's delay
 * @param infrastructureMaxDelay the cap of the infrastructure backoff
 * @param partnerApiDelay the delay of a partner_api replay
 * @param maxAutoReplays how many policy replays a task gets before it is left to a person
 */
public record DeadLetterPolicy(
        Duration transientWindow,
        Duration infrastructureBaseDelay,
        Duration infrastructureMaxDelay,
        Duration partnerApiDelay,
        int maxAutoReplays) {

    /** Default transient window: 2 hours, as in the seed. */
    public static final Duration DEFAULT_TRANSIENT_WINDOW = Duration.ofHours(2);
    /** Default first infrastructure delay: 1 minute (project choice). */
    public static final Duration DEFAULT_INFRASTRUCTURE_BASE_DELAY = Duration.ofMinutes(1);
    /** Default infrastructure delay cap: 1 hour (project choice). */
    public static final Duration DEFAULT_INFRASTRUCTURE_MAX_DELAY = Duration.ofHours(1);
    /** Default partner_api delay: 15 minutes (project choice). */
    public static final Duration DEFAULT_PARTNER_API_DELAY = Duration.ofMinutes(15);
    /** Default automatic replays per task: 5 (project choice). */
    public static final int DEFAULT_MAX_AUTO_REPLAYS = 5;

    public DeadLetterPolicy {
        Objects.requireNonNull(transientWindow, "transientWindow");
        Objects.requireNonNull(infrastructureBaseDelay, "infrastructureBaseDelay");
        Objects.requireNonNull(infrastructureMaxDelay, "infrastructureMaxDelay");
        Objects.requireNonNull(partnerApiDelay, "partnerApiDelay");
        if (maxAutoReplays < 0) {
            throw new IllegalArgumentException("maxAutoReplays must not be negative: " + maxAutoReplays);
        }
    }

    /** The defaults. */
    public static DeadLetterPolicy defaults() {
        return new DeadLetterPolicy(DEFAULT_TRANSIENT_WINDOW, DEFAULT_INFRASTRUCTURE_BASE_DELAY,
                DEFAULT_INFRASTRUCTURE_MAX_DELAY, DEFAULT_PARTNER_API_DELAY, DEFAULT_MAX_AUTO_REPLAYS);
    }

    /** The infrastructure backoff for a task replayed {@code replays} times so far. */
    public Duration infrastructureDelay(int replays) {
        Duration delay = infrastructureBaseDelay;
        for (int i = 0; i < replays && delay.compareTo(infrastructureMaxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(infrastructureMaxDelay) > 0 ? infrastructureMaxDelay : delay;
    }
}
