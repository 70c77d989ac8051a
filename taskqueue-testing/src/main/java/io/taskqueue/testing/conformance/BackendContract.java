package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root of every contract: a backend's test class implements the contracts of the core (see
 * {@link CoreContracts}) and one {@link CapabilityContract} per capability its backend declares, and
 * supplies the {@link Conformance} fixture. The check here keeps the two in step: a test class that
 * skips the contract of a declared capability, or runs one the backend does not declare, fails.
 */
public interface BackendContract {
    /** The fixture of the running test (a field of the test instance). */
    Conformance conformance();

    @AfterEach
    default void closeConformanceFixture() throws Exception {
        conformance().close();
    }

    // Short-hands for the contracts, all delegating to the fixture.

    /** A task queue on the backend under test. */
    default TaskQueue taskQueue(Clock clock) {
        return conformance().taskQueue(clock);
    }

    /** Another process's task queue on the same store. */
    default TaskQueue secondProcess(TaskQueue primary, Clock clock) {
        return conformance().secondProcess(primary, clock);
    }

    /** The test queue's backend under {@code taskQueue}. */
    default QueueBackend spi(TaskQueue taskQueue) {
        return conformance().queueBackend(taskQueue);
    }

    /** The test queue's name. */
    default String queueName() {
        return conformance().queueName();
    }

    /** The test queue. */
    default JobQueue queue(TaskQueue taskQueue) {
        return conformance().queue(taskQueue);
    }

    /** A started worker on the test queue. */
    default Worker startWorker(TaskQueue taskQueue, Handlers handlers, WorkerOptions options) {
        return conformance().startWorker(taskQueue, handlers, options);
    }

    /** A started worker on the test queue with fast options. */
    default Worker startWorker(TaskQueue taskQueue, Handlers handlers) {
        return conformance().startWorker(taskQueue, handlers);
    }

    /** Closes {@code closeable} when the test ends. */
    default <T extends AutoCloseable> T track(T closeable) {
        return conformance().track(closeable);
    }

    /** Records every event of the queue from the start of its stream. */
    default List<QueueEvent> recordEvents(JobQueue queue) {
        return conformance().recordEvents(queue);
    }

    @Test
    default void runsTheContractOfEveryCapabilityItDeclaresAndNoOther() {
        TaskQueue taskQueue = conformance().taskQueue(Clock.systemUTC());
        Set<Capability> declared = taskQueue.capabilities();
        Set<Capability> run = EnumSet.noneOf(Capability.class);
        for (Class<?> type : allInterfaces(getClass())) {
            CapabilityContract contract = type.getAnnotation(CapabilityContract.class);
            if (contract != null) {
                run.add(contract.value());
            }
        }
        assertThat(run).as("capability contracts run by " + getClass().getSimpleName() + " for "
                + taskQueue.describe()).isEqualTo(declared);
        assertThat(CoreContracts.class).as("the core contracts").isAssignableFrom(getClass());
    }

    private static Set<Class<?>> allInterfaces(Class<?> type) {
        Set<Class<?>> out = new java.util.LinkedHashSet<>();
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                collect(i, out);
            }
        }
        return out;
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        if (out.add(type)) {
            for (Class<?> parent : type.getInterfaces()) {
                collect(parent, out);
            }
        }
    }
}
