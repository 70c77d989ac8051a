package io.taskqueue.worker;

import io.taskqueue.Backoff;
import io.taskqueue.JobOptions;
import io.taskqueue.spi.Backends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker service's configuration: where the queue is, how the worker runs, how tasks retry, where
 * health and progress go, plus the worker's own settings. Immutable and validated once, when built
 * or loaded; {@link #toString()} never shows a password or a header value.
 *
 * <p>{@link #fromEnvironment()} reads the process environment, over an optional properties file
 * named by {@value #CONFIG_FILE}. The keys, with their defaults:
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><td>{@value #URL}</td><td>the backend, e.g. {@code redis://redis:6379} ({@value #DEFAULT_URL})</td></tr>
 * <tr><td>{@value #QUEUE}</td><td>the queue (the worker's type)</td></tr>
 * <tr><td>{@value #JOB_NAME}</td><td>the job name the worker takes (the worker's type)</td></tr>
 * <tr><td>{@value #NAME}</td><td>a nickname; the worker id is {@code nickname:UUID} (the worker's type)</td></tr>
 * <tr><td>{@value #CONCURRENCY}</td><td>tasks at once ({@value #DEFAULT_CONCURRENCY})</td></tr>
 * <tr><td>{@value #ATTEMPTS}</td><td>attempts per task added through {@link #jobOptions()} ({@value #DEFAULT_ATTEMPTS})</td></tr>
 * <tr><td>{@value #BACKOFF}</td><td>first retry delay, doubling after ({@code 1s})</td></tr>
 * <tr><td>{@value #SHUTDOWN_TIMEOUT}</td><td>how long running tasks may finish on shutdown ({@code 30s})</td></tr>
 * <tr><td>{@value #HEALTH_PORT}</td><td>health and metrics port, 0 for any free one, -1 for none ({@value #DEFAULT_HEALTH_PORT})</td></tr>
 * <tr><td>{@value #LOG_FORMAT}</td><td>{@code text} or {@code json} (read by the logging configuration)</td></tr>
 * <tr><td>{@value #PROGRESS_URL}</td><td>a GraphQL endpoint that receives every step (none)</td></tr>
 * <tr><td>{@value #PROGRESS_MUTATION}</td><td>its mutation ({@link ProgressEndpoint#DEFAULT_MUTATION})</td></tr>
 * <tr><td>{@value #PROGRESS_HEADERS}</td><td>its headers, {@code Name: value; Name: value}</td></tr>
 * </table>
 * Durations are written {@code 500ms}, {@code 30s}, {@code 1h30m} or ISO-8601.
 *
 * @param url the backend URL
 * @param queue the queue, or {@code null} for the worker's type
 * @param jobName the job name taken, or {@code null} for the worker's type
 * @param nickname the worker's nickname, or {@code null} for the worker's type
 * @param concurrency the most tasks run at once
 * @param attempts attempts per task, for {@link #jobOptions()}
 * @param backoff the first retry delay (exponential), for {@link #jobOptions()}
 * @param shutdownTimeout how long running tasks may finish when the service stops
 * @param healthPort the health endpoint's port: 0 for any free one, -1 for none
 * @param logFormat the log format the logging configuration should use
 * @param progress where steps are sent besides the job's progress, or {@code null}
 * @param settings every key read, for the worker's own settings
 */
public record WorkerConfig(String url, String queue, String jobName, String nickname, int concurrency, int attempts,
        Duration backoff, Duration shutdownTimeout, int healthPort, LogFormat logFormat, ProgressEndpoint progress,
        Map<String, String> settings) {

    /** Key of the backend URL. */
    public static final String URL = "TASKQUEUE_URL";
    /** Key of the queue's name. */
    public static final String QUEUE = "WORKER_QUEUE";
    /** Key of the job name the worker takes. */
    public static final String JOB_NAME = "WORKER_JOB_NAME";
    /** Key of the worker's nickname. */
    public static final String NAME = "WORKER_NAME";
    /** Key of the concurrency. */
    public static final String CONCURRENCY = "WORKER_CONCURRENCY";
    /** Key of the attempts per task. */
    public static final String ATTEMPTS = "WORKER_ATTEMPTS";
    /** Key of the first retry delay. */
    public static final String BACKOFF = "WORKER_BACKOFF";
    /** Key of the shutdown timeout. */
    public static final String SHUTDOWN_TIMEOUT = "WORKER_SHUTDOWN_TIMEOUT";
    /** Key of the health port. */
    public static final String HEALTH_PORT = "WORKER_HEALTH_PORT";
    /** Key of the log format. */
    public static final String LOG_FORMAT = "LOG_FORMAT";
    /** Key of the progress endpoint's URL. */
    public static final String PROGRESS_URL = "WORKER_PROGRESS_URL";
    /** Key of the progress endpoint's mutation. */
    public static final String PROGRESS_MUTATION = "WORKER_PROGRESS_MUTATION";
    /** Key of the progress endpoint's headers. */
    public static final String PROGRESS_HEADERS = "WORKER_PROGRESS_HEADERS";
    /** Key of an optional properties file read under the environment. */
    public static final String CONFIG_FILE = "WORKER_CONFIG";

    /** The backend when none is configured: a Redis on this host. */
    public static final String DEFAULT_URL = "redis://localhost:6379";
    /** Tasks at once by default. */
    public static final int DEFAULT_CONCURRENCY = 1;
    /** Attempts per task by default. */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** First retry delay by default; each retry waits twice the one before. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    /** How long running tasks may finish on shutdown by default. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** The health port by default. */
    public static final int DEFAULT_HEALTH_PORT = 8080;

    /** How log lines are written. */
    public enum LogFormat {
        /** One human-readable line per event. */
        TEXT,
        /** One JSON object per line, with the logging context (job id, worker type, step). */
        JSON
    }

    public WorkerConfig {
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add(URL + " must be set");
        }
        if (concurrency < 1) {
            problems.add(CONCURRENCY + " must be at least 1, got " + concurrency);
        }
        if (attempts < 1) {
            problems.add(ATTEMPTS + " must be at least 1, got " + attempts);
        }
        if (backoff == null || backoff.isNegative()) {
            problems.add(BACKOFF + " must be a duration of zero or more");
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            problems.add(SHUTDOWN_TIMEOUT + " must be a duration of zero or more");
        }
        if (healthPort < -1 || healthPort > 65_535) {
            problems.add(HEALTH_PORT + " must be a port (0 for any free one, -1 for none), got " + healthPort);
        }
        blankIsAbsent(queue, QUEUE, problems);
        blankIsAbsent(jobName, JOB_NAME, problems);
        blankIsAbsent(nickname, NAME, problems);
        if (!problems.isEmpty()) {
            throw new WorkerConfigException(problems);
        }
        logFormat = logFormat == null ? LogFormat.TEXT : logFormat;
        settings = Map.copyOf(settings);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration in the process environment, over the file named by {@value #CONFIG_FILE}. */
    public static WorkerConfig fromEnvironment() {
        return EnvironmentConfig.read(System.getenv());
    }

    /** The configuration in {@code environment}, over the file it names under {@value #CONFIG_FILE}. */
    public static WorkerConfig from(Map<String, String> environment) {
        return EnvironmentConfig.read(environment);
    }

    /** A setting of the worker's own, e.g. {@code config.setting("SMTP_HOST")}. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    /**
     * A setting the worker cannot run without.
     *
     * @throws WorkerConfigException naming the key when it is missing or blank
     */
    public String requireSetting(String key) {
        return setting(key).orElseThrow(() -> new WorkerConfigException(List.of(key + " must be set (in the "
                + "environment or the file named by " + CONFIG_FILE + ")")));
    }

    /** The options tasks are added with: {@link #attempts()} attempts, exponential backoff from {@link #backoff()}. */
    public JobOptions jobOptions() {
        return JobOptions.builder().attempts(attempts).backoff(Backoff.exponential(backoff)).build();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "WorkerConfig[url=" + Backends.maskPassword(url) + ", queue=" + queue + ", jobName=" + jobName
                + ", nickname=" + nickname + ", concurrency=" + concurrency + ", attempts=" + attempts
                + ", backoff=" + backoff + ", shutdownTimeout=" + shutdownTimeout + ", healthPort=" + healthPort
                + ", logFormat=" + logFormat + ", progress=" + progress + ", settings=" + settings.keySet() + "]";
    }

    /** Builder for {@link WorkerConfig}; {@link #build()} validates. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private String queue;
        private String jobName;
        private String nickname;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int attempts = DEFAULT_ATTEMPTS;
        private Duration backoff = DEFAULT_BACKOFF;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private int healthPort = DEFAULT_HEALTH_PORT;
        private LogFormat logFormat = LogFormat.TEXT;
        private ProgressEndpoint progress;
        private Map<String, String> settings = Map.of();

        private Builder() {
        }

        private Builder(WorkerConfig c) {
            url = c.url;
            queue = c.queue;
            jobName = c.jobName;
            nickname = c.nickname;
            concurrency = c.concurrency;
            attempts = c.attempts;
            backoff = c.backoff;
            shutdownTimeout = c.shutdownTimeout;
            healthPort = c.healthPort;
            logFormat = c.logFormat;
            progress = c.progress;
            settings = c.settings;
        }

        /** The backend URL. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** The queue (default: the worker's type). */
        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        /** The job name taken (default: the worker's type). */
        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        /** The worker's nickname (default: the worker's type). */
        public Builder nickname(String nickname) {
            this.nickname = nickname;
            return this;
        }

        /** The most tasks at once. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Attempts per task added through {@link WorkerConfig#jobOptions()}. */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** The first retry delay; each retry waits twice the one before. */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /** How long running tasks may finish when the service stops. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** The health endpoint's port: 0 for any free one, -1 for none. */
        public Builder healthPort(int healthPort) {
            this.healthPort = healthPort;
            return this;
        }

        /** The log format. */
        public Builder logFormat(LogFormat logFormat) {
            this.logFormat = logFormat;
            return this;
        }

        /** Where steps are sent besides the job's progress ({@code null} for nowhere). */
        public Builder progress(ProgressEndpoint progress) {
            this.progress = progress;
            return this;
        }

        /** The worker's own settings. */
        public Builder settings(Map<String, String> settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws WorkerConfigException listing every problem
         */
        public WorkerConfig build() {
            return new WorkerConfig(url, queue, jobName, nickname, concurrency, attempts, backoff, shutdownTimeout,
                    healthPort, logFormat, progress, settings);
        }
    }

    private static void blankIsAbsent(String value, String key, List<String> problems) {
        if (value != null && value.isBlank()) {
            problems.add(key + " must not be blank when set");
        }
    }
}
