package io.taskqueue.architecture;

import java.util.List;
import java.util.Set;

/**
 * Where each module's code lives, and which API classes are composition roots: the few places where
 * an API package may build the module's internals. Keep this in step with the modules; a new
 * module or root is added here on purpose, never to silence a rule.
 */
final class Layout {
    /** The core's packages: the API, the backend seam, the worker runtime and the in-memory backend. */
    static final String[] CORE = {"io.taskqueue", "io.taskqueue.spi", "io.taskqueue.internal", "io.taskqueue.memory"};
    static final String SERVERS = "io.taskqueue.servers..";
    static final String TESTING = "io.taskqueue.testing..";
    static final String REDIS = "io.taskqueue.redis..";
    static final String POSTGRES = "io.taskqueue.postgres..";
    static final String SATLOC = "io.taskqueue.satloc..";
    static final String WORKER = "io.taskqueue.worker..";
    static final String OPENTELEMETRY = "io.taskqueue.opentelemetry..";
    static final String SPRING = "io.taskqueue.spring..";
    static final String MICROMETER = "io.taskqueue.micrometer..";

    /** Libraries: nothing here may depend on an application or a tool. */
    static final String[] LIBRARIES = {"io.taskqueue", "io.taskqueue.spi..", "io.taskqueue.internal..",
        "io.taskqueue.memory..", SERVERS, TESTING, REDIS, POSTGRES, SATLOC, WORKER, OPENTELEMETRY, SPRING,
        MICROMETER};
    /** Applications and tools built on the libraries. */
    static final String[] APPS = {"io.taskqueue.demo..", "io.taskqueue.example..", "io.taskqueue.cli.."};

    /** Modules whose API packages sit over an {@code internal} package, and the API packages. */
    static final List<String> MODULES_WITH_INTERNALS = List.of("io.taskqueue", "io.taskqueue.redis",
            "io.taskqueue.postgres", "io.taskqueue.satloc", "io.taskqueue.worker");

    /**
     * The composition roots: API classes that assemble the module's internals, and the facades a root
     * hands out over one internal part each. Backend providers (the classes a URL scheme opens) are
     * roots too, found by type; a root's nested classes count as the root.
     */
    static final Set<String> ROOTS = Set.of(
            "io.taskqueue.TaskQueue",
            "io.taskqueue.redis.RedisBackend",
            // The tracker: its root, the binding that assembles it installed or standalone, and the
            // facades it hands out (history, dead letters, migrations for host tools).
            "io.taskqueue.postgres.TaskTracker",
            "io.taskqueue.postgres.TrackerBinding",
            "io.taskqueue.postgres.TaskHistory",
            "io.taskqueue.postgres.DeadLetters",
            "io.taskqueue.postgres.Migrations",
            // The parser's entry points: each builds the machinery of one concept (read, write,
            // statistics, map, simulation). Its reports are the command line's (taskqueue-cli).
            "io.taskqueue.satloc.SatlocReader",
            "io.taskqueue.satloc.SatlocWriter",
            "io.taskqueue.satloc.FlightStatisticsCalculator",
            "io.taskqueue.satloc.FlightMap",
            "io.taskqueue.satloc.FlightSimulator",
            "io.taskqueue.satloc.SampleEmitter",
            // The worker framework's root: it assembles a service's health endpoint, check and meters.
            "io.taskqueue.worker.WorkerService");

    private Layout() {
    }
}
