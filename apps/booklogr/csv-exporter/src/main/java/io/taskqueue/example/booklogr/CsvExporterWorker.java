package io.taskqueue.example.booklogr;

import io.taskqueue.DurationText;
import io.taskqueue.worker.BaseWorker;
import io.taskqueue.worker.TaskContext;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerConfigException;
import io.taskqueue.worker.WorkerError;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BookLogr's export worker: for {@code {"ownerId": 42}} it writes all of that user's books to
 * {@code books-42-<jobId>.csv} in the export directory, atomically, then records the file in
 * {@code csv_export}, whose row tells the API there is a file to download.
 *
 * <p>A retry is safe: every attempt of one job writes the same file name, the file is replaced whole,
 * and the row is inserted once. A database that is down, or a disk that fails, is retried; a task
 * without a positive owner id is invalid.
 */
public final class CsvExporterWorker extends BaseWorker<ExportTask, ExportResult> {
    /** Setting: the books database, a JDBC URL such as {@code jdbc:postgresql://db:5432/booklogr} (required). */
    public static final String DATABASE_URL = "BOOKS_DATABASE_URL";
    /** Setting: the database user (optional; the URL may carry it). */
    public static final String DATABASE_USER = "BOOKS_DATABASE_USER";
    /** Setting: the database password (optional; the URL may carry it). */
    public static final String DATABASE_PASSWORD = "BOOKS_DATABASE_PASSWORD";
    /** Setting: how long a task waits for a database connection before it fails and retries (default 10s). */
    public static final String DATABASE_TIMEOUT = "BOOKS_DATABASE_TIMEOUT";
    /** Setting: the directory export files are written to, shared with the API (required). */
    public static final String EXPORT_DIR = "EXPORT_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(CsvExporterWorker.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private final Clock clock;
    private final ExportHook afterRecorded;
    private volatile BookDatabase database;
    private volatile ExportDirectory exports;

    /** Runs after an export's row is committed; tests use it to fail an attempt at the worst moment. */
    @FunctionalInterface
    interface ExportHook {
        void run(String filename) throws Exception;
    }

    /** A worker configured by {@code config}, stamping new exports with {@code clock}. */
    public CsvExporterWorker(WorkerConfig config, Clock clock) {
        this(config, clock, filename -> { });
    }

    CsvExporterWorker(WorkerConfig config, Clock clock, ExportHook afterRecorded) {
        super(config, ExportTask.class, ExportResult.class);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.afterRecorded = Objects.requireNonNull(afterRecorded, "afterRecorded");
    }

    @Override
    protected String workerType() {
        return "csv-exporter";
    }

    @Override
    protected void initialize() throws IOException {
        String url = config().requireSetting(DATABASE_URL);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new WorkerConfigException(List.of(DATABASE_URL + " must be a JDBC URL like "
                    + "jdbc:postgresql://db:5432/booklogr"));
        }
        Path dir = Path.of(config().requireSetting(EXPORT_DIR));
        Duration timeout = timeout();
        exports = ExportDirectory.open(dir);
        database = new BookDatabase(url, config().setting(DATABASE_USER).orElse(null),
                config().setting(DATABASE_PASSWORD).orElse(null), config().concurrency() + 1, timeout);
        try {
            database.ensureSchema();
        } catch (SQLException e) {
            // Not fatal: each task makes sure of the tables first, so they appear once the database does.
            LOG.warn("books database not reachable at start-up ({}); tables are created by the first task", e.getMessage());
        }
        LOG.info("csv-exporter writes to {}", exports.path());
    }

    private Duration timeout() {
        try {
            return config().setting(DATABASE_TIMEOUT).map(DurationText::parse).orElse(DEFAULT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new WorkerConfigException(List.of(DATABASE_TIMEOUT + " must be a duration: " + e.getMessage()));
        }
    }

    @Override
    protected void validate(ExportTask task) {
        if (task.ownerId() == null) {
            throw WorkerError.invalidTask("an export task needs an ownerId");
        }
        if (task.ownerId() <= 0) {
            throw WorkerError.invalidTask("ownerId must be a positive user id, got " + task.ownerId());
        }
    }

    @Override
    protected String initialStep(ExportTask task) {
        return "Exporting the books of user " + task.ownerId();
    }

    @Override
    protected ExportResult executeTask(ExportTask task, TaskContext context) throws Exception {
        long ownerId = task.ownerId();
        String filename;
        try {
            filename = ExportFileName.of(ownerId, context.jobId());
        } catch (IllegalArgumentException e) {
            throw WorkerError.permanent(e.getMessage());
        }
        try {
            database.ensureSchema();
            long books = write(ownerId, filename, context);
            context.step("Recording the export", 95);
            BookDatabase.ExportRow row = database.recordExport(filename, ownerId, clock.instant());
            afterRecorded.run(filename);
            LOG.info("exported {} books of user {} to {}", books, ownerId, filename);
            return new ExportResult(ownerId, filename, books, row.id(), row.createdAt());
        } catch (SQLException e) {
            throw DatabaseErrors.retryable(e);
        } catch (IOException e) {
            throw WorkerError.retryable("cannot write " + filename + ": " + e.getMessage(), e);
        }
    }

    /** Streams the books into the file and puts it in place; returns how many were written. */
    private long write(long ownerId, String filename, TaskContext context) throws SQLException, IOException {
        try (Connection snapshot = database.snapshot();
                ExportDirectory.PendingFile file = exports.create(filename)) {
            long total = database.countBooks(snapshot, ownerId);
            context.step("Writing books", 5);
            BookCsv csv = BookCsv.start(file.writer());
            long[] written = {0};
            database.forEachBook(snapshot, ownerId, book -> {
                csv.write(book);
                if (++written[0] % BookDatabase.FETCH_SIZE == 0) {
                    context.throwIfCancelled();
                    context.step("Writing books", 5 + (int) (85 * written[0] / Math.max(total, written[0])));
                }
            });
            snapshot.commit();
            csv.flush();
            file.commit();
            return written[0];
        }
    }

    @Override
    protected void shutdown() {
        if (database != null) {
            database.close();
        }
    }
}
