package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.ChildFailurePolicy;
import io.taskqueue.FlowJob;
import io.taskqueue.FlowNode;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Flows (docs/protocol.md §5.1.1 and §5.18): a parent waits in {@link JobState#WAITING_CHILDREN}
 * until its children, here in another queue of the same backend, complete; then it runs and reads
 * their results. A child that fails for good affects its parent as its {@link ChildFailurePolicy}
 * says. Parents go to the test queue, children to {@code <test queue>-kids}.
 */
@CapabilityContract(Capability.FLOWS)
public interface FlowsContract extends BackendContract {

    private String kidsQueue() {
        return queueName() + "-kids";
    }

    /** Starts a worker on the children's queue: "ok" returns its data, "boom" fails for good. */
    private void startChildWorker(TaskQueue tq) {
        track(tq.worker(kidsQueue()).handlers(Handlers.builder()
                .on("ok", ctx -> Map.of("child", ctx.data()))
                .on("boom", ctx -> {
                    throw new IllegalStateException("child failed on purpose");
                }).build()).options(fastOptions().build()).build().start());
    }

    @Test
    default void parentWaitsForItsChildrenThenRunsAndSeesTheirValues() {
        TaskQueue tq = taskQueue(MutableClock.startingNow());
        JobQueue parents = queue(tq);
        JobQueue kids = tq.queue(kidsQueue());
        Map<String, Map<String, String>> seenByParent = new ConcurrentHashMap<>();
        startWorker(tq, Handlers.builder().on("sum", ctx -> {
            seenByParent.put(ctx.job().id(), parents.getChildrenValues(ctx.job().id()));
            return "summed";
        }).build());
        FlowJob flow = tq.flows().add(FlowNode.of(queueName(), "sum", Map.of("p", 1)).withChildren(
                FlowNode.of(kidsQueue(), "ok", 1), FlowNode.of(kidsQueue(), "ok", 2)));

        assertThat(parents.getState(flow.id())).isEqualTo(JobState.WAITING_CHILDREN);
        throughout(Duration.ofMillis(300)).until(() -> parents.getState(flow.id()) == JobState.WAITING_CHILDREN);
        startChildWorker(tq);

        Job parent = awaitState(parents, flow.id(), JobState.COMPLETED);
        assertThat(parent.returnValueJson()).isEqualTo("\"summed\"");
        for (FlowJob child : flow.children()) {
            assertThat(kids.getState(child.id())).isEqualTo(JobState.COMPLETED);
        }
        Map<String, String> values = seenByParent.get(flow.id());
        assertThat(values).hasSize(2);
        assertThat(values.values()).containsExactlyInAnyOrder("{\"child\":1}", "{\"child\":2}");
        for (FlowJob child : flow.children()) {
            assertThat(values.keySet()).as("a value per child, keyed by a reference naming it")
                    .anyMatch(key -> key.endsWith(child.id()));
        }
        assertThat(parents.getChildrenValues(flow.id())).isEqualTo(values);
    }

    @Test
    default void aChildThatFailsParentFailsItsParent() {
        TaskQueue tq = taskQueue(MutableClock.startingNow());
        JobQueue parents = queue(tq);
        Map<String, Boolean> parentRan = new ConcurrentHashMap<>();
        startWorker(tq, Handlers.builder().on("sum", ctx -> parentRan.put(ctx.job().id(), true)).build());
        startChildWorker(tq);
        FlowJob flow = tq.flows().add(FlowNode.of(queueName(), "sum", null).withChildren(
                FlowNode.of(kidsQueue(), "boom", null).onFailure(ChildFailurePolicy.FAIL_PARENT),
                FlowNode.of(kidsQueue(), "ok", 1)));

        Job parent = awaitState(parents, flow.id(), JobState.FAILED);
        String failedChild = flow.children().get(0).id();
        assertThat(parent.failedReason()).startsWith("child ").contains(failedChild).endsWith(" failed");
        assertThat(parentRan).as("the parent's handler never runs").isEmpty();
    }

    @Test
    default void aChildFailingWithTheDefaultPolicyLeavesItsParentWaiting() {
        TaskQueue tq = taskQueue(MutableClock.startingNow());
        JobQueue parents = queue(tq);
        JobQueue kids = tq.queue(kidsQueue());
        startWorker(tq, Handlers.builder().on("sum", ctx -> "ran").build());
        startChildWorker(tq);
        FlowJob flow = tq.flows().add(FlowNode.of(queueName(), "sum", null).withChildren(
                FlowNode.of(kidsQueue(), "boom", null)));

        awaitState(kids, flow.children().get(0).id(), JobState.FAILED);
        throughout(Duration.ofMillis(500)).until(() -> parents.getState(flow.id()) == JobState.WAITING_CHILDREN);
    }

    @Test
    default void aChildFailingWithIgnoreLetsItsParentRun() {
        TaskQueue tq = taskQueue(MutableClock.startingNow());
        JobQueue parents = queue(tq);
        Map<String, Map<String, String>> seenByParent = new ConcurrentHashMap<>();
        startWorker(tq, Handlers.builder().on("sum", ctx -> {
            seenByParent.put(ctx.job().id(), parents.getChildrenValues(ctx.job().id()));
            return "ran";
        }).build());
        startChildWorker(tq);
        FlowJob flow = tq.flows().add(FlowNode.of(queueName(), "sum", null).withChildren(
                FlowNode.of(kidsQueue(), "boom", null).onFailure(ChildFailurePolicy.IGNORE),
                FlowNode.of(kidsQueue(), "ok", 7)));

        awaitState(parents, flow.id(), JobState.COMPLETED);
        assertThat(seenByParent.get(flow.id()).values()).as("only the completed child has a value")
                .containsExactly("{\"child\":7}");
    }

    @Test
    default void flowIdsComeBackInTheShapeOfTheTree() {
        TaskQueue tq = taskQueue(MutableClock.startingNow());
        JobQueue parents = queue(tq);
        JobQueue kids = tq.queue(kidsQueue());
        FlowJob flow = tq.flows().add(FlowNode.of(queueName(), "root", null)
                .withOptions(JobOptions.builder().jobId("root-" + queueName()).build())
                .withChildren(
                        FlowNode.of(kidsQueue(), "mid", null).withChildren(FlowNode.of(kidsQueue(), "leaf", "a")),
                        FlowNode.of(kidsQueue(), "leaf", "b")));

        assertThat(flow.id()).isEqualTo("root-" + queueName());
        assertThat(flow.queueName()).isEqualTo(queueName());
        assertThat(flow.children()).hasSize(2);
        FlowJob mid = flow.children().get(0);
        assertThat(mid.queueName()).isEqualTo(kidsQueue());
        assertThat(mid.children()).hasSize(1);
        assertThat(flow.children().get(1).children()).isEmpty();
        assertThat(kids.getJob(mid.id()).orElseThrow().name()).isEqualTo("mid");
        assertThat(kids.getJob(mid.children().get(0).id()).orElseThrow().name()).isEqualTo("leaf");
        assertThat(kids.getJob(flow.children().get(1).id()).orElseThrow().dataJson()).isEqualTo("\"b\"");
        assertThat(parents.getState(flow.id())).isEqualTo(JobState.WAITING_CHILDREN);
        assertThat(kids.getState(mid.id())).isEqualTo(JobState.WAITING_CHILDREN);
        eventually().until(() -> kids.getState(mid.children().get(0).id()) == JobState.WAITING);
    }
}
