package io.taskqueue.example.booklogr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.servers.PostgresServer;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.TcpProxy;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The exporter as a service on a real Redis and a real Postgres. */
@ExtendWith({RedisExtension.class, PostgresExtension.class})
class CsvExporterIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*).*");
    @TempDir
    Path exportDir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CsvExporterWorker worker;

    private static String url(PostgresTestSchema schema) {
        String base = schema.server().jdbcUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema.name();
    }

    private WorkerService start(RedisServer redis, RedisTestPrefix prefix, String databaseUrl, PostgresServer postgres,
            CsvExporterWorker.ExportHook hook, int attempts, Duration backoff) {
        Map<String, String> settings = new HashMap<>(Map.of(CsvExporterWorker.DATABASE_URL, databaseUrl,
                CsvExporterWorker.EXPORT_DIR, exportDir.toString(), CsvExporterWorker.DATABASE_TIMEOUT, "500ms"));
        if (postgres.user() != null) {
            settings.put(CsvExporterWorker.DATABASE_USER, postgres.user());
        }
        if (postgres.password() != null) {
            settings.put(CsvExporterWorker.DATABASE_PASSWORD, postgres.password());
        }
        WorkerConfig config = WorkerConfig.builder().url(redis.uri() + "?prefix=" + prefix.value()).healthPort(-1)
                .attempts(attempts).backoff(backoff).settings(settings).build();
        worker = new CsvExporterWorker(config, Clock.systemUTC(), hook);
        return WorkerService.builder(worker).meterRegistry(meters).build().start();
    }

    private static Job awaitFinal(WorkerService service, String id) {
        await().atMost(PATIENCE).until(() -> service.queue().getState(id).isFinal());
        return service.queue().getJob(id).orElseThrow();
    }

    /** Attempts by outcome, read from the task queue meters (taskqueue-micrometer) the service installs. */
    private double attempts(String outcome, String category) {
        var search = switch (outcome) {
            case "completed" -> meters.find("taskqueue.jobs.completed");
            case "failed" -> meters.find("taskqueue.jobs.failed").tag("category", category);
            case "retried" -> meters.find("taskqueue.jobs.retried").tag("category", category);
            default -> throw new IllegalArgumentException(outcome);
        };
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private String[] exportFiles() throws Exception {
        try (var files = Files.list(exportDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void awkwardTitlesAreExportedAndReadBackWhole(RedisServer redis, RedisTestPrefix prefix,
            PostgresTestSchema schema) throws Exception {
        try (WorkerService service = start(redis, prefix, url(schema), schema.server(), f -> { }, 3,
                Duration.ofMillis(10))) {
            BookRows rows = new BookRows(schema.dataSource());
            rows.insert(7, Shelves.awkwardBooks());
            // Another user's book: it must not be in user 7's file.
            rows.insert(8, List.of(new Book(100, "Someone else's", null, null, "Read", 0, null, null,
                    Instant.parse("2026-03-02T00:00:00Z"))));
            String id = service.queue().add(worker.jobType(), new ExportTask(7L));
            Job job = awaitFinal(service, id);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.COMPLETED);
            ExportResult result = service.queue().decode(job.returnValueJson(), ExportResult.class);
            assertThat(result.filename()).isEqualTo("books-7-" + id + ".csv");
            assertThat(result.books()).isEqualTo(Shelves.AWKWARD_TITLES.size());
            assertThat(exportFiles()).containsExactly(result.filename());
            List<Book> exported = BookCsvTest.readBack(Files.readString(exportDir.resolve(result.filename())));
            assertThat(exported).isEqualTo(Shelves.awkwardBooks());
            assertThat(rows.exports()).containsExactly(new BookRows.Export(result.exportId(), result.filename(), 7));
        }
    }

    @Test
    void aRetryAfterTheRowWasCommittedLeavesOneRowAndOneFile(RedisServer redis, RedisTestPrefix prefix,
            PostgresTestSchema schema) throws Exception {
        AtomicInteger recorded = new AtomicInteger();
        CsvExporterWorker.ExportHook crashOnce = filename -> {
            if (recorded.incrementAndGet() == 1) {
                throw new IllegalStateException("worker lost after committing " + filename);
            }
        };
        try (WorkerService service = start(redis, prefix, url(schema), schema.server(), crashOnce, 3,
                Duration.ofMillis(10))) {
            new BookRows(schema.dataSource()).insert(3, Shelves.awkwardBooks().subList(0, 4));
            String id = service.queue().add(worker.jobType(), new ExportTask(3L));
            Job job = awaitFinal(service, id);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.COMPLETED);
            assertThat(job.attemptsMade()).isEqualTo(2);
            assertThat(recorded).hasValue(2);
            ExportResult result = service.queue().decode(job.returnValueJson(), ExportResult.class);
            assertThat(new BookRows(schema.dataSource()).exports()).containsExactly(
                    new BookRows.Export(result.exportId(), "books-3-" + id + ".csv", 3));
            assertThat(exportFiles()).containsExactly(result.filename());
            assertThat(attempts("retried", "processing")).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseThatIsDownIsRetriedUntilItIsBack(RedisServer redis, RedisTestPrefix prefix,
            PostgresTestSchema schema) throws Exception {
        Matcher m = JDBC.matcher(schema.server().jdbcUrl());
        assertThat(m.matches()).as("a JDBC URL with a host: %s", schema.server().jdbcUrl()).isTrue();
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        // The proxy is closed after the service, whose pool holds connections through it; it starts
        // once to learn its port, then stays down until the database should come back.
        try (TcpProxy database = new TcpProxy(m.group(1), port)) {
            database.start();
            database.stop();
            String downUrl = "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + m.group(3) + "?currentSchema="
                    + schema.name();
            try (WorkerService service = start(redis, prefix, downUrl, schema.server(), f -> { }, 5,
                    Duration.ofSeconds(1))) {
                String id = service.queue().add(worker.jobType(), new ExportTask(11L));
                await().atMost(PATIENCE).until(() -> attempts("retried", "transient") >= 1);
                assertThat(service.queue().getJob(id).orElseThrow().failedReason())
                        .startsWith("books database unavailable: ");
                database.start();
                Job job = awaitFinal(service, id);
                assertThat(service.queue().getState(id)).isEqualTo(JobState.COMPLETED);
                assertThat(job.attemptsMade()).isGreaterThanOrEqualTo(2);
                ExportResult result = service.queue().decode(job.returnValueJson(), ExportResult.class);
                assertThat(result.books()).isZero();
                // The tables did not exist while the database was away: the task made them.
                assertThat(new BookRows(schema.dataSource()).exports()).hasSize(1);
            }
        }
    }
}
