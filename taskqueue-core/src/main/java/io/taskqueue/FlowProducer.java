package io.taskqueue;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.NewFlowNode;
import io.taskqueue.spi.NewJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds flows: trees of jobs where each parent waits in {@link JobState#WAITING_CHILDREN} until its
 * children complete, like BullMQ's {@code FlowProducer}. A whole tree is added atomically. On Redis
 * the queues of one flow must share a hash slot in Cluster mode (use a hash tag in the prefix).
 *
 * <pre>{@code
 * FlowJob ids = FlowProducer.create(backend).add(FlowNode.of("reports", "summary", null).withChildren(
 *         FlowNode.of("parts", "part", 1), FlowNode.of("parts", "part", 2).onFailure(ChildFailurePolicy.IGNORE)));
 * }</pre>
 */
public final class FlowProducer {
    private final Backend backend;
    private final PayloadCodec codec;
    private final Clock clock;

    private FlowProducer(Backend backend, PayloadCodec codec, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A producer with the JSON codec and the system clock. */
    public static FlowProducer create(Backend backend) {
        return new FlowProducer(backend, new JacksonCodec(), Clock.systemUTC());
    }

    /** A producer with {@code codec} for payloads and {@code clock} for timestamps. */
    public static FlowProducer create(Backend backend, PayloadCodec codec, Clock clock) {
        return new FlowProducer(backend, codec, clock);
    }

    /** Adds the tree rooted at {@code root} in one atomic step; returns the ids it was given. */
    public FlowJob add(FlowNode root) {
        return backend.addFlow(toNew(root, clock.millis()));
    }

    private NewFlowNode toNew(FlowNode node, long now) {
        List<NewFlowNode> children = new ArrayList<>(node.children().size());
        for (FlowNode child : node.children()) {
            children.add(toNew(child, now));
        }
        JobOptions options = node.options() != null ? node.options() : JobOptions.defaults();
        Object data = node.data() == null ? java.util.Map.of() : node.data();
        return new NewFlowNode(node.queueName(), new NewJob(node.name(), codec.encode(data), options, now),
                node.onFailure(), children);
    }
}
