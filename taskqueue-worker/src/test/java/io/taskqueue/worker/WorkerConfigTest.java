package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Backoff;
import io.taskqueue.spi.Backends;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from the environment: defaults, every problem at once, and no secret in a message. */
class WorkerConfigTest {
    @Test
    void defaultsWhenNothingIsSet() {
        WorkerConfig c = WorkerConfig.from(Map.of());
        assertThat(c.url()).isEqualTo(WorkerConfig.DEFAULT_URL);
        assertThat(c.concurrency()).isEqualTo(1);
        assertThat(c.attempts()).isEqualTo(3);
        assertThat(c.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.healthPort()).isEqualTo(8080);
        assertThat(c.logFormat()).isEqualTo(WorkerConfig.LogFormat.TEXT);
        assertThat(c.progress()).isNull();
        assertThat(c.jobOptions().attempts()).isEqualTo(3);
        assertThat(c.jobOptions().backoff()).isEqualTo(Backoff.exponential(Duration.ofSeconds(1)));
    }

    @Test
    void everyKeyIsRead() {
        WorkerConfig c = WorkerConfig.from(Map.ofEntries(Map.entry("TASKQUEUE_URL", "redis://redis:6379?prefix=app"),
                Map.entry("WORKER_QUEUE", "logs"), Map.entry("WORKER_JOB_NAME", "process-log"),
                Map.entry("WORKER_NAME", "crane"), Map.entry("WORKER_CONCURRENCY", "8"),
                Map.entry("WORKER_ATTEMPTS", "5"), Map.entry("WORKER_BACKOFF", "250ms"),
                Map.entry("WORKER_SHUTDOWN_TIMEOUT", "1m"), Map.entry("WORKER_HEALTH_PORT", "0"),
                Map.entry("LOG_FORMAT", "json"), Map.entry("WORKER_PROGRESS_URL", "http://api:4000/graphql"),
                Map.entry("WORKER_PROGRESS_HEADERS", "Authorization: Bearer t0ken; X-Tenant: 7"),
                Map.entry("SMTP_HOST", "mail")));
        assertThat(c.url()).isEqualTo("redis://redis:6379?prefix=app");
        assertThat(c.queue()).isEqualTo("logs");
        assertThat(c.jobName()).isEqualTo("process-log");
        assertThat(c.nickname()).isEqualTo("crane");
        assertThat(c.concurrency()).isEqualTo(8);
        assertThat(c.attempts()).isEqualTo(5);
        assertThat(c.backoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.healthPort()).isZero();
        assertThat(c.logFormat()).isEqualTo(WorkerConfig.LogFormat.JSON);
        assertThat(c.progress().url()).isEqualTo(URI.create("http://api:4000/graphql"));
        assertThat(c.progress().mutation()).isEqualTo(ProgressEndpoint.DEFAULT_MUTATION);
        assertThat(c.progress().headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Authorization", "Bearer t0ken", "X-Tenant", "7"));
        assertThat(c.setting("SMTP_HOST")).contains("mail");
        assertThat(c.requireSetting("SMTP_HOST")).isEqualTo("mail");
    }

    @Test
    void everyProblemIsReportedAtOnceByKey() {
        assertThatThrownBy(() -> WorkerConfig.from(Map.of("WORKER_CONCURRENCY", "eight", "WORKER_ATTEMPTS", "0",
                "WORKER_BACKOFF", "60", "WORKER_HEALTH_PORT", "70000", "LOG_FORMAT", "xml",
                "WORKER_PROGRESS_MUTATION", "mutation { x }")))
                .isInstanceOf(WorkerConfigException.class)
                .satisfies(e -> assertThat(((WorkerConfigException) e).problems()).containsExactlyInAnyOrder(
                        "WORKER_CONCURRENCY must be a whole number, got 'eight'",
                        "WORKER_BACKOFF: '60' has no unit: use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H",
                        "LOG_FORMAT must be 'text' or 'json', got 'xml'",
                        "WORKER_PROGRESS_MUTATION is set but WORKER_PROGRESS_URL is not",
                        "WORKER_ATTEMPTS must be at least 1, got 0",
                        "WORKER_HEALTH_PORT must be a port (0 for any free one, -1 for none), got 70000"))
                .hasMessageStartingWith("invalid worker configuration (6 problems):\n  - ");
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() {
        WorkerConfig c = WorkerConfig.from(Map.of("TASKQUEUE_URL", "redis://app:s3cret@redis:6379",
                "WORKER_PROGRESS_URL", "https://api/graphql", "WORKER_PROGRESS_HEADERS", "Authorization: Bearer t0ken"));
        assertThat(c.toString()).contains("redis://app:***@redis:6379").doesNotContain("s3cret")
                .doesNotContain("t0ken").contains("[Authorization]");
        assertThat(Backends.maskPassword("redis://s3cret@redis:6379")).isEqualTo("redis://***@redis:6379");
        assertThat(Backends.maskPassword("redis://redis:6379")).isEqualTo("redis://redis:6379");
        assertThatThrownBy(() -> WorkerConfig.from(Map.of("WORKER_PROGRESS_URL", "https://api/graphql",
                "WORKER_PROGRESS_HEADERS", "Bearer t0ken")))
                .hasMessage("invalid worker configuration: WORKER_PROGRESS_HEADERS entry 1 is not 'Name: value' "
                        + "(entries are separated by ';')");
        assertThatThrownBy(() -> WorkerConfig.from(Map.of("WORKER_PROGRESS_URL", "ftp://u:pw@host/x")))
                .hasMessage("invalid worker configuration: WORKER_PROGRESS_URL is not an http(s) URL: 'ftp://u:***@host/x'");
    }

    @Test
    void theEnvironmentOverridesTheFileItNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, "WORKER_QUEUE=from-file\nWORKER_CONCURRENCY=4\nAPI_KEY=k\n");
        WorkerConfig c = WorkerConfig.from(Map.of("WORKER_CONFIG", file.toString(), "WORKER_CONCURRENCY", "2"));
        assertThat(c.queue()).isEqualTo("from-file");
        assertThat(c.concurrency()).isEqualTo(2);
        assertThat(c.requireSetting("API_KEY")).isEqualTo("k");
        assertThatThrownBy(() -> WorkerConfig.from(Map.of("WORKER_CONFIG", dir.resolve("missing").toString())))
                .hasMessageStartingWith("invalid worker configuration: WORKER_CONFIG names '" + dir.resolve("missing")
                        + "', which cannot be read");
    }

    @Test
    void aMissingSettingNamesItsKey() {
        WorkerConfig c = WorkerConfig.from(Map.of("SMTP_HOST", "  "));
        assertThat(c.setting("SMTP_HOST")).isEmpty();
        assertThatThrownBy(() -> c.requireSetting("SMTP_HOST")).isInstanceOf(WorkerConfigException.class)
                .hasMessage("invalid worker configuration: SMTP_HOST must be set (in the environment or the file "
                        + "named by WORKER_CONFIG)");
    }

    @Test
    void theBuilderValidatesToo() {
        assertThatThrownBy(() -> WorkerConfig.builder().concurrency(0).queue(" ").build())
                .isInstanceOf(WorkerConfigException.class)
                .hasMessageContaining("WORKER_CONCURRENCY must be at least 1, got 0")
                .hasMessageContaining("WORKER_QUEUE must not be blank when set");
    }
}
