package io.taskqueue.spi;

import io.taskqueue.ChildFailurePolicy;
import java.util.List;
import java.util.Objects;

/**
 * One job of a flow to add, with its payload already encoded.
 *
 * @param queueName the job's queue
 * @param job the job (its options' custom id, if any, is kept; otherwise the backend picks one)
 * @param onFailure what this job's failure does to its parent
 * @param children the jobs that must complete first
 */
public record NewFlowNode(String queueName, NewJob job, ChildFailurePolicy onFailure, List<NewFlowNode> children) {
    public NewFlowNode {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(job, "job");
        onFailure = onFailure == null ? ChildFailurePolicy.WAIT : onFailure;
        children = children == null ? List.of() : List.copyOf(children);
    }
}
