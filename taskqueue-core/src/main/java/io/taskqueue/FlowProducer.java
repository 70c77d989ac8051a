package io.taskqueue;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FlowSupport;
import io.taskqueue.spi.NewFlowNode;
import io.taskqueue.spi.NewJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds flows: trees of jobs where each parent waits in {@link JobState#WAITING_CHILDREN} until its
 * children complete, like BullMQ's {@code FlowProducer}. A whole tree is added atomically. Made by
 * {@link TaskQueue#flows()}; needs {@link Capability#FLOWS}. On Redis Cluster the queues of one flow
 * must share a hash slot (use a hash tag in the prefix).
 *
 * <pre>{@code
 * FlowJob ids = taskQueue.flows().add(FlowNode.of("reports", "summary", null).withChildren(
 *         FlowNode.of("parts", "part", 1), FlowNode.of("parts", "part", 2).onFailure(ChildFailurePolicy.IGNORE)));
 * }</pre>
 */
public final class FlowProducer {
    private final Backend backend;
    private final Clock clock;
    private final PayloadCodec codec;
    private final JobLifecycleListener listener;

    FlowProducer(Backend backend, Clock clock, PayloadCodec codec, JobLifecycleListener listener) {
        this.backend = backend;
        this.clock = clock;
        this.codec = codec;
        this.listener = listener;
    }

    /** Adds the tree rooted at {@code root} in one atomic step; returns the ids it was given. */
    public FlowJob add(FlowNode root) {
        JobQueue.validateName(root.queueName());
        FlowSupport flows = Capability.FLOWS.of(backend.queue(root.queueName()), FlowSupport.class, backend.describe());
        NewFlowNode tree = toNew(root, clock.millis());
        FlowJob added = flows.addFlow(tree);
        announce(tree, added);
        return added;
    }

    private NewFlowNode toNew(FlowNode node, long now) {
        JobQueue.validateName(node.queueName());
        List<NewFlowNode> children = new ArrayList<>(node.children().size());
        for (FlowNode child : node.children()) {
            children.add(toNew(child, now));
        }
        JobOptions options = node.options() != null ? node.options() : JobOptions.defaults();
        Object data = node.data() == null ? Map.of() : node.data();
        return new NewFlowNode(node.queueName(), new NewJob(node.name(), codec.encode(data), options, now),
                node.onFailure(), children);
    }

    private void announce(NewFlowNode node, FlowJob added) {
        NewJob job = node.job();
        listener.onEnqueued(node.queueName(), Job.created(added.id(), job.name(), job.dataJson(), job.options(),
                job.timestamp()));
        for (int i = 0; i < node.children().size() && i < added.children().size(); i++) {
            announce(node.children().get(i), added.children().get(i));
        }
    }
}
