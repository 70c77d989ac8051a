package io.taskqueue.cli.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Points in time as operators type them, and how times and durations look in tables. */
class TimeArgumentsTest {
    @Test
    void sinceIsAnInstantADateOrADurationBack() {
        SinceConverter since = new SinceConverter();
        Clock clock = Clock.fixed(Instant.parse("2025-06-04T10:00:00Z"), ZoneOffset.UTC);
        assertThat(since.convert("2025-06-03T13:00:00Z").resolve(clock)).isEqualTo(Instant.parse("2025-06-03T13:00:00Z"));
        assertThat(since.convert("2025-06-03").resolve(clock)).isEqualTo(Instant.parse("2025-06-03T00:00:00Z"));
        assertThat(since.convert("24h").resolve(clock)).isEqualTo(Instant.parse("2025-06-03T10:00:00Z"));
        assertThat(since.convert("1h30m")).hasToString("1h30m ago");
        assertThat(since.convert("2025-06-03")).hasToString("2025-06-03T00:00:00Z");
        assertThatThrownBy(() -> since.convert("yesterday")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'yesterday' is not a time: use a duration back from now (24h, 7d), an instant"
                        + " (2025-06-03T13:00:00Z) or a date (2025-06-03)");
    }

    @Test
    void cellsAreShort() {
        assertThat(Cells.time(Instant.parse("2025-06-03T13:00:00.123456Z"))).isEqualTo("2025-06-03T13:00:00Z");
        assertThat(Cells.exact(Instant.parse("2025-06-03T13:00:00.123456Z"))).isEqualTo("2025-06-03T13:00:00.123456Z");
        assertThat(Cells.error("first line\n\tat Somewhere")).isEqualTo("first line");
        assertThat(Cells.error("x".repeat(100))).hasSize(60).endsWith("...");
        assertThat(Cells.duration(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Cells.duration(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Cells.duration(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
        assertThat(Cells.duration(Duration.ofSeconds(245))).isEqualTo("4m05s");
        assertThat(Cells.duration(Duration.ofSeconds(6))).isEqualTo("6s");
    }
}
