package io.taskqueue;

import java.util.List;
import java.util.Objects;

/**
 * The ids given to a flow's jobs, in the shape of the {@link FlowNode} tree that was added.
 *
 * @param queueName the job's queue
 * @param id the job's id
 * @param children the children's ids, in the order given
 */
public record FlowJob(String queueName, String id, List<FlowJob> children) {
    public FlowJob {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(id, "id");
        children = children == null ? List.of() : List.copyOf(children);
    }
}
