package io.taskqueue.worker;

import io.taskqueue.TaskQueueException;
import java.util.List;

/**
 * The worker service's configuration is wrong: every problem found, one per line, with secrets
 * masked. Thrown before anything connects.
 */
public class WorkerConfigException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** An error listing {@code problems}. */
    public WorkerConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return "invalid worker configuration: " + problems.get(0);
        }
        return "invalid worker configuration (" + problems.size() + " problems):\n  - "
                + String.join("\n  - ", problems);
    }
}
