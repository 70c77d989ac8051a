package io.taskqueue.example.satloc;

import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.FlightStatisticsCalculator;
import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.SatlocFormatException;
import io.taskqueue.satloc.SatlocParser;
import io.taskqueue.worker.BaseWorker;
import io.taskqueue.worker.TaskContext;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerError;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes an uploaded SatLoc air log into its flight statistics with the {@code satloc-parser}
 * library. The task names the log (and optionally its job file) relative to the data directory
 * {@value #DATA_DIR}; a path that is absolute, climbs out with {@code ..} or leads out through a
 * link makes the task invalid, and nothing is read.
 *
 * <p>Failures: a file that is not a SatLoc log, or whose every record is corrupt, fails permanently
 * with the parser's reason; so does a missing file. Other I/O errors (a network share that hiccups)
 * are retried.
 */
public final class SatlocProcessorWorker extends BaseWorker<SatlocTask, SatlocResult> {
    /** Setting: the directory uploads land in (required). */
    public static final String DATA_DIR = "SATLOC_DATA_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(SatlocProcessorWorker.class);
    private static final int PARSE_FROM = 5;
    private static final int PARSE_TO = 90;
    private final Clock clock;
    private final FileOpener opener;
    private final SatlocParser parser = SatlocParser.create();
    private volatile DataDirectory dataDirectory;

    /** A worker configured by {@code config}, stamping results with {@code clock}. */
    public SatlocProcessorWorker(WorkerConfig config, Clock clock) {
        this(config, clock, FileOpener.NO_FOLLOW);
    }

    SatlocProcessorWorker(WorkerConfig config, Clock clock, FileOpener opener) {
        super(config, SatlocTask.class, SatlocResult.class);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    protected String workerType() {
        return "satloc-processor";
    }

    @Override
    protected void initialize() throws IOException {
        String dir = config().requireSetting(DATA_DIR);
        try {
            dataDirectory = DataDirectory.open(dir);
        } catch (IOException e) {
            throw new IOException(DATA_DIR + " must name a readable directory, got " + dir + ": " + e, e);
        }
        LOG.info("satloc-processor reads logs under {}", dataDirectory.root());
    }

    @Override
    protected void validate(SatlocTask task) {
        DataDirectory.checkName("logFile", task.logFile());
        if (task.jobFile() != null) {
            DataDirectory.checkName("jobFile", task.jobFile());
        }
    }

    @Override
    protected String initialStep(SatlocTask task) {
        return "Processing " + task.logFile();
    }

    @Override
    protected SatlocResult executeTask(SatlocTask task, TaskContext context) throws IOException {
        DataDirectory dir = dataDirectory;
        if (dir == null) {
            throw new IllegalStateException("initialize() has not run: " + DATA_DIR + " is not open");
        }
        JobFile job = null;
        if (task.jobFile() != null) {
            context.step("Reading job file", 2);
            job = JobFileReader.read(opener, locate(dir, "jobFile", task.jobFile()), task.jobFile());
        }
        Path log = locate(dir, "logFile", task.logFile());
        context.step(ParseProgress.STEP, PARSE_FROM);
        FlightStatisticsCalculator calculator = new FlightStatisticsCalculator();
        ParseSummary summary;
        long size;
        try (SeekableByteChannel file = opener.open(log); CountingChannel counted = new CountingChannel(file)) {
            size = file.size();
            summary = parser.parse(counted, new ParseProgress(calculator, counted, size, context, PARSE_FROM, PARSE_TO));
        } catch (SatlocFormatException e) {
            String reason = e.getMessage().replaceFirst("^not a SatLoc log: ", "");
            throw WorkerError.permanent(task.logFile() + " is not a readable SatLoc log: " + reason, e);
        } catch (IOException e) {
            throw readFailure(task.logFile(), e);
        }
        if (summary.accepted() == 0 && summary.rejected() > 0) {
            // A SatLoc header over nothing but damage: no retry reads it better, and empty statistics
            // would look like an aborted flight rather than a broken upload.
            throw WorkerError.permanent(task.logFile() + " has no readable records: " + summary.rejected()
                    + " rejected, the first at byte " + summary.rejections().get(0).offset() + ": "
                    + summary.rejections().get(0).reason());
        }
        context.step("Computing statistics", 92);
        FlightStatistics statistics = calculator.result();
        FieldSummary field = job == null ? null
                : FieldSummary.of(task.jobFile(), job, statistics.metadata().jobId());
        LOG.info("{}: {} records accepted, {} rejected, {} positions", task.logFile(), summary.accepted(),
                summary.rejected(), statistics.positions());
        return SatlocResult.of(task.logFile(), size, summary, statistics, field, clock.instant());
    }

    private Path locate(DataDirectory dir, String what, String name) throws IOException {
        try {
            return dir.locate(what, name);
        } catch (IOException e) {
            throw readFailure(name, e);
        }
    }

    /** A missing file stays missing; anything else the file system says may pass. */
    private static WorkerError readFailure(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return WorkerError.permanent("no such file in the data directory: " + name);
        }
        return WorkerError.retryable("cannot read " + name + ": " + reason(e), e);
    }

    /** The reason alone: the JDK's file exceptions carry the absolute path, which the job's producer need not see. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e instanceof FileSystemException || e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage();
    }
}
