package io.taskqueue.redis.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.FlowJob;
import io.taskqueue.JobOptions;
import io.taskqueue.spi.FlowSupport;
import io.taskqueue.spi.NewFlowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Capability {@code FLOWS} on Redis (docs/protocol.md §5.1.1 and §5.18): the tree is flattened
 * parents first and added by one script, so a flow is all or nothing. Node ids without a custom id
 * are random UUIDs, as BullMQ gives them. The tree may span queues: their keys are built here from
 * the backend's prefix, and in a cluster the prefix's hash tag routes the script.
 */
final class RedisFlows implements FlowSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisContext ctx;
    private final Keys keys;
    private final QueueMeta meta;

    /** The flows rooted in the queue of {@code keys}, whose meta is {@code meta} (a flow writes its root queue's, as before). */
    RedisFlows(RedisContext ctx, Keys keys, QueueMeta meta) {
        this.ctx = ctx;
        this.keys = keys;
        this.meta = meta;
    }

    /** Adds the flow rooted at {@code root} (whose queue is this one), at its root's timestamp. */
    @Override
    public FlowJob addFlow(NewFlowNode root) {
        Objects.requireNonNull(root, "root");
        if (!root.queueName().equals(keys.queue())) {
            throw new IllegalArgumentException("a flow is added through the queue of its root, " + root.queueName()
                    + ", not " + keys.queue());
        }
        ArrayNode nodes = JSON.createArrayNode();
        List<String> ids = new ArrayList<>();
        flatten(root, 0, null, nodes, ids);
        meta.ensureWritten();
        ctx.await(ctx.scripts().run(Script.ADD_FLOW, List.of(),
                List.of(nodes.toString(), Long.toString(root.job().timestamp()))), "addFlow");
        int[] cursor = {0};
        return shape(root, ids, cursor);
    }

    @Override
    public Map<String, String> childrenValues(String parentJobId) {
        return ctx.await(ctx.connection().async().hgetall(keys.childrenValues(parentJobId)), "childrenValues");
    }

    @Override
    public Map<String, String> ignoredChildrenFailures(String parentJobId) {
        return ctx.await(ctx.connection().async().hgetall(keys.ignoredChildrenFailures(parentJobId)),
                "ignoredChildrenFailures");
    }

    private void flatten(NewFlowNode node, int parentIndex, NewFlowNode parent, ArrayNode out, List<String> ids) {
        Keys nodeKeys = new Keys(keys.prefix(), node.queueName());
        JobOptions o = node.job().options();
        String id = o.jobId() != null ? o.jobId() : UUID.randomUUID().toString();
        ids.add(id);
        ObjectNode opts;
        try {
            opts = (ObjectNode) JSON.readTree(ctx.codec().opts().write(o));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write opts", e);
        }
        if (parent != null) {
            ObjectNode ref = opts.putObject("parent");
            ref.put("id", ids.get(parentIndex - 1));
            ref.put("queue", new Keys(keys.prefix(), parent.queueName()).qualifiedName());
            if (node.onFailure().flag() != null) {
                opts.put(node.onFailure().flag(), true);
            }
        }
        ObjectNode n = out.addObject();
        n.put("base", nodeKeys.base());
        n.put("qualified", nodeKeys.qualifiedName());
        n.put("id", id);
        n.put("name", node.job().name());
        n.put("data", node.job().dataJson());
        n.put("opts", opts.toString());
        n.put("timestamp", node.job().timestamp());
        n.put("delay", o.delay().toMillis());
        n.put("priority", o.priority());
        n.put("lifo", o.lifo());
        n.put("parent", parentIndex);
        n.put("flag", parent == null || node.onFailure().flag() == null ? "" : node.onFailure().flag());
        n.put("children", node.children().size());
        int self = out.size();
        for (NewFlowNode child : node.children()) {
            flatten(child, self, node, out, ids);
        }
    }

    private static FlowJob shape(NewFlowNode node, List<String> ids, int[] cursor) {
        String id = ids.get(cursor[0]++);
        List<FlowJob> children = new ArrayList<>();
        for (NewFlowNode child : node.children()) {
            children.add(shape(child, ids, cursor));
        }
        return new FlowJob(node.queueName(), id, children);
    }
}
