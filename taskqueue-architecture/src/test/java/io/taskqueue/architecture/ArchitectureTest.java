package io.taskqueue.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.taskqueue.AReachIntoRedis;
import io.taskqueue.AnApiClassThatUsesInternals;
import io.taskqueue.redis.AReachIntoPostgres;
import io.taskqueue.satloc.AParserThatNeedsTheCore;
import io.taskqueue.worker.AWorkerThatPicksRedis;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dependency rules hold for the compiled main classes of every module, and each rule fails on a
 * class that breaks it (the fixtures in this module's test sources, which the main check skips).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.taskqueue");

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return DependencyRules.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(MAIN)));
    }

    @Test
    void theCheckSeesEveryModule() {
        assertThat(MAIN.stream().map(c -> c.getName()))
                .contains("io.taskqueue.TaskQueue", "io.taskqueue.internal.WorkerRuntime",
                        "io.taskqueue.memory.InMemoryBackend", "io.taskqueue.redis.RedisBackend",
                        "io.taskqueue.postgres.TaskTracker", "io.taskqueue.satloc.SatlocReader",
                        "io.taskqueue.servers.RedisServer", "io.taskqueue.testing.conformance.Conformance",
                        "io.taskqueue.demo.Demo", "io.taskqueue.worker.WorkerService",
                        "io.taskqueue.example.satloc.SatlocProcessorWorker",
                        "io.taskqueue.example.booklogr.CsvExporterWorker",
                        "io.taskqueue.micrometer.TaskQueueMetrics", "io.taskqueue.opentelemetry.TaskQueueTracing",
                        "io.taskqueue.spring.TaskQueueWorkers")
                .doesNotContain(AnApiClassThatUsesInternals.class.getName());
        assertThat(Layout.ROOTS).allSatisfy(root -> assertThat(MAIN.contain(root)).as(root).isTrue());
    }

    @Test
    void anApiClassThatImportsInternalsOutsideARootIsCaught() {
        assertFails(DependencyRules.apiUsesInternalsOnlyAtRoots().get(0), AnApiClassThatUsesInternals.class,
                "io.taskqueue.internal");
    }

    @Test
    void theCoreReachingIntoABackendIsCaught() {
        assertFails(DependencyRules.coreDependsOnNoOtherModule(), AReachIntoRedis.class, "io.taskqueue.redis");
    }

    @Test
    void theWorkerFrameworkReachingIntoABackendIsCaught() {
        assertFails(DependencyRules.backendsAreIndependent().get(3), AWorkerThatPicksRedis.class, "io.taskqueue.redis");
    }

    @Test
    void oneBackendReachingIntoAnotherIsCaught() {
        assertFails(DependencyRules.backendsAreIndependent().get(0), AReachIntoPostgres.class, "io.taskqueue.postgres");
    }

    @Test
    void theParserReachingIntoTheCoreIsCaught() {
        assertFails(DependencyRules.satlocDependsOnNothingOfOurs(), AParserThatNeedsTheCore.class, "io.taskqueue.JobQueue");
    }

    private static void assertFails(ArchRule rule, Class<?> offender, String named) {
        JavaClasses fixture = new ClassFileImporter().importClasses(offender);
        assertThatThrownBy(() -> rule.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getSimpleName()).hasMessageContaining(named);
    }
}
