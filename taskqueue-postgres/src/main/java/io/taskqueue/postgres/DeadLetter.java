package io.taskqueue.postgres;

import java.util.List;
import java.util.Objects;

/**
 * A dead letter with everything needed to judge and replay it.
 *
 * @param execution the failed execution (status {@code dlq}, or {@code archived} once handled): last
 *     error, category, stack
 * @param payloadJson the job's original data as JSON text
 * @param attempts every execution of the same task, oldest first (the attempt history, this one
 *     included)
 */
public record DeadLetter(TaskExecution execution, String payloadJson, List<TaskExecution> attempts) {
    public DeadLetter {
        Objects.requireNonNull(execution, "execution");
        attempts = List.copyOf(attempts);
    }
}
