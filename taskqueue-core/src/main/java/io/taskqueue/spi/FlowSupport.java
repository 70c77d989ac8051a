package io.taskqueue.spi;

import io.taskqueue.FlowJob;
import java.util.Map;

/**
 * Capability {@link io.taskqueue.Capability#FLOWS}: trees of jobs where a parent waits until its
 * children complete. A flow is added through the queue backend of its root job.
 */
public interface FlowSupport {
    /**
     * Adds a flow atomically: parents wait for their children, leaves are ready or delayed, every
     * child is registered with its parent; a parent whose children are all already complete is
     * released. Returns the ids in the tree's shape.
     */
    FlowJob addFlow(NewFlowNode root);

    /** The results of a parent's completed children: child reference (queue-qualified id) to result JSON. */
    Map<String, String> childrenValues(String parentJobId);

    /** The failure reasons of a parent's children that failed under an ignoring policy. */
    Map<String, String> ignoredChildrenFailures(String parentJobId);
}
