package io.taskqueue.cli.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Durations and points in time as operators type them, and how they look in tables. */
class TimeArgumentsTest {
    @Test
    void durationsInShortFormOrIso() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationConverter.parse("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationConverter.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationConverter.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> DurationConverter.parse("-PT1H")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("a while")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'a while' is not a duration: use e.g. 90s, 30m, 2h, 7d or PT30M");
    }

    @Test
    void sinceIsAnInstantADateOrADurationBack() {
        SinceConverter since = new SinceConverter();
        assertThat(since.convert("2025-06-03T13:00:00Z")).isEqualTo(Instant.parse("2025-06-03T13:00:00Z"));
        assertThat(since.convert("2025-06-03")).isEqualTo(Instant.parse("2025-06-03T00:00:00Z"));
        Instant before = Instant.now().minus(Duration.ofHours(24));
        Instant dayAgo = since.convert("24h");
        assertThat(dayAgo).isBetween(before, Instant.now().minus(Duration.ofHours(24)));
        assertThatThrownBy(() -> since.convert("yesterday")).isInstanceOf(TypeConversionException.class);
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
