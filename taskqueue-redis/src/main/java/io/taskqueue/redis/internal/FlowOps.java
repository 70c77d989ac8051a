package io.taskqueue.redis.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.FlowJob;
import io.taskqueue.JobOptions;
import io.taskqueue.spi.NewFlowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Flows on Redis (protocol §5.1.1): the tree is flattened parents first and added by one script,
 * so a flow is all or nothing. Node ids without a custom id are random UUIDs, as BullMQ gives them.
 */
public final class FlowOps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisContext ctx;
    private final String prefix;

    public FlowOps(RedisContext ctx, String prefix) {
        this.ctx = ctx;
        this.prefix = prefix;
    }

    /** Adds the flow rooted at {@code root}; returns its ids in the tree's shape. */
    public FlowJob add(NewFlowNode root, long now) {
        ArrayNode nodes = JSON.createArrayNode();
        List<String> ids = new ArrayList<>();
        flatten(root, 0, null, nodes, ids);
        ctx.await(ctx.scripts().run(Script.ADD_FLOW, List.of(), List.of(nodes.toString(), Long.toString(now))), "addFlow");
        int[] cursor = {0};
        return shape(root, ids, cursor);
    }

    private void flatten(NewFlowNode node, int parentIndex, NewFlowNode parent, ArrayNode out, List<String> ids) {
        Keys keys = new Keys(prefix, node.queueName());
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
            ref.put("queue", new Keys(prefix, parent.queueName()).qualifiedName());
            if (node.onFailure().flag() != null) {
                opts.put(node.onFailure().flag(), true);
            }
        }
        ObjectNode n = out.addObject();
        n.put("base", keys.base());
        n.put("qualified", keys.qualifiedName());
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
