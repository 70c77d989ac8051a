package io.taskqueue.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.taskqueue.spi.BackendProvider;
import java.util.ArrayList;
import java.util.List;

/** The dependency rules of the project, as ArchUnit rules over the compiled classes. */
final class DependencyRules {
    private DependencyRules() {
    }

    /** The core depends on no other module of ours. */
    static ArchRule coreDependsOnNoOtherModule() {
        return noClasses().that().resideInAnyPackage(Layout.CORE)
                .should().dependOnClassesThat(ourCodeOutside(Layout.CORE))
                .as("taskqueue-core depends on no other module");
    }

    /** The SatLoc parser depends on nothing of ours. */
    static ArchRule satlocDependsOnNothingOfOurs() {
        return noClasses().that().resideInAPackage(Layout.SATLOC)
                .should().dependOnClassesThat(ourCodeOutside(Layout.SATLOC))
                .as("satloc-parser depends on no other module");
    }

    /** The private-server kit depends on nothing of ours, so apps can use it at run time. */
    static ArchRule serversDependOnNothingOfOurs() {
        return noClasses().that().resideInAPackage(Layout.SERVERS)
                .should().dependOnClassesThat(ourCodeOutside(Layout.SERVERS))
                .as("taskqueue-servers depends on no other module");
    }

    /**
     * The Redis and Postgres modules never depend on each other; the test kit on neither; the worker
     * framework on no backend.
     */
    static List<ArchRule> backendsAreIndependent() {
        return List.of(
                noClasses().that().resideInAPackage(Layout.REDIS).should().dependOnClassesThat()
                        .resideInAPackage(Layout.POSTGRES).as("taskqueue-redis does not depend on taskqueue-postgres"),
                noClasses().that().resideInAPackage(Layout.POSTGRES).should().dependOnClassesThat()
                        .resideInAPackage(Layout.REDIS).as("taskqueue-postgres does not depend on taskqueue-redis"),
                noClasses().that().resideInAPackage(Layout.TESTING).should().dependOnClassesThat()
                        .resideInAnyPackage(Layout.REDIS, Layout.POSTGRES)
                        .as("taskqueue-testing depends on no backend module"),
                // A worker service picks its backend by URL, so the framework works on any of them.
                noClasses().that().resideInAPackage(Layout.WORKER).should().dependOnClassesThat()
                        .resideInAnyPackage(Layout.REDIS, Layout.POSTGRES, Layout.SERVERS, Layout.TESTING)
                        .as("taskqueue-worker depends only on the core and its meters"),
                // Observability and the Spring starter open backends by URL like any application.
                noClasses().that().resideInAnyPackage(Layout.MICROMETER, Layout.OPENTELEMETRY, Layout.SPRING)
                        .should().dependOnClassesThat().resideInAnyPackage(Layout.REDIS, Layout.POSTGRES)
                        .as("the observability modules and the Spring starter depend on no backend module"));
    }

    /** No library depends on an application or a tool. */
    static ArchRule librariesDoNotDependOnApps() {
        return noClasses().that().resideInAnyPackage(Layout.LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage(Layout.APPS)
                .as("no library depends on an application or a tool");
    }

    /** API packages reach their module's internals only through the composition roots. */
    static List<ArchRule> apiUsesInternalsOnlyAtRoots() {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : Layout.MODULES_WITH_INTERNALS) {
            String internal = module + ".internal..";
            rules.add(noClasses().that().resideInAPackage(module).and(notARoot())
                    .should().dependOnClassesThat().resideInAPackage(internal)
                    .as(module + " reaches " + module + ".internal only through its composition roots"));
        }
        rules.add(noClasses().that().resideInAPackage("io.taskqueue.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.taskqueue.internal..", "io.taskqueue.memory..")
                .as("the backend seam depends on no implementation"));
        return rules;
    }

    /**
     * No cycle between a module's API and its internals: a module's internal code never reaches back
     * to one of the module's composition roots, directly or through other classes. (Using another
     * module's API, a core {@code TaskQueue} for instance, is not a cycle.)
     */
    static List<ArchRule> internalsNeverReachTheirRoots() {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : Layout.MODULES_WITH_INTERNALS) {
            rules.add(noClasses().that().resideInAPackage(module + ".internal..")
                    .should().transitivelyDependOnClassesThat(rootOf(module))
                    .as(module + ".internal never depends on a composition root of " + module));
        }
        return rules;
    }

    /** Every rule above, for one check. */
    static List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>(List.of(coreDependsOnNoOtherModule(), satlocDependsOnNothingOfOurs(),
                serversDependOnNothingOfOurs(), librariesDoNotDependOnApps()));
        rules.addAll(internalsNeverReachTheirRoots());
        rules.addAll(backendsAreIndependent());
        rules.addAll(apiUsesInternalsOnlyAtRoots());
        return rules;
    }

    private static DescribedPredicate<JavaClass> ourCodeOutside(String... packages) {
        return describe("taskqueue classes outside " + String.join(", ", packages),
                c -> c.getPackageName().startsWith("io.taskqueue") && !isIn(c, packages));
    }

    private static boolean isIn(JavaClass c, String... packages) {
        for (String p : packages) {
            if (p.endsWith("..") ? c.getPackageName().startsWith(p.substring(0, p.length() - 2))
                    : c.getPackageName().equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static DescribedPredicate<JavaClass> root() {
        return describe("composition roots", DependencyRules::isRoot);
    }

    private static DescribedPredicate<JavaClass> rootOf(String module) {
        return describe("composition roots of " + module, c -> isRoot(c) && c.getPackageName().equals(module));
    }

    private static boolean isRoot(JavaClass c) {
        String topLevel = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
        return Layout.ROOTS.contains(topLevel)
                || (!c.getPackageName().contains("internal") && c.isAssignableTo(BackendProvider.class)
                        && !c.isInterface());
    }

    private static DescribedPredicate<JavaClass> notARoot() {
        return describe("not a composition root", c -> !root().test(c));
    }
}
