package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.TaskQueue;
import java.time.Clock;
import java.util.EnumSet;
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
