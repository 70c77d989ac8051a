package io.taskqueue;

import java.util.List;
import java.util.Objects;

/**
 * One job of a flow: a parent runs only after its children (which may live in other queues of the
 * same backend) have completed, and can read their results ({@link JobQueue#getChildrenValues}).
 * Build trees with {@link #of} and {@link #withChildren}; add them with {@link FlowProducer}.
 *
 * @param queueName the queue the job goes to
 * @param name the job name
 * @param data the payload, encoded with the producer's codec
 * @param options the job's options, or {@code null} for the defaults
 * @param onFailure what this job's failure does to its parent (ignored on the root)
 * @param children the jobs that must complete first
 */
public record FlowNode(String queueName, String name, Object data, JobOptions options,
        ChildFailurePolicy onFailure, List<FlowNode> children) {

    public FlowNode {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(name, "name");
        onFailure = onFailure == null ? ChildFailurePolicy.WAIT : onFailure;
        children = children == null ? List.of() : List.copyOf(children);
        if (options != null && options.deduplication() != null && !children.isEmpty()) {
            throw new IllegalArgumentException("a flow parent cannot use deduplication");
        }
    }

    /** A leaf job with default options. */
    public static FlowNode of(String queueName, String name, Object data) {
        return new FlowNode(queueName, name, data, null, null, List.of());
    }

    /** This node with {@code children}. */
    public FlowNode withChildren(FlowNode... children) {
        return new FlowNode(queueName, name, data, options, onFailure, List.of(children));
    }

    /** This node with {@code options}. */
    public FlowNode withOptions(JobOptions options) {
        return new FlowNode(queueName, name, data, options, onFailure, children);
    }

    /** This node with failure policy {@code policy} towards its parent. */
    public FlowNode onFailure(ChildFailurePolicy policy) {
        return new FlowNode(queueName, name, data, options, policy, children);
    }
}
