package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Durations as operators type them, and the errors when they mistype. */
class DurationsTest {
    @Test
    void unitsCombinationsAndIso() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1d2h3m4s5ms")).isEqualTo(Duration.parse("P1DT2H3M4.005S"));
        assertThat(Durations.parse(" 2H ")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("0s")).isZero();
        assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("p7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void mistakesSayWhatIsAccepted() {
        String examples = "use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H";
        assertThatThrownBy(() -> Durations.parse("60")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'60' has no unit: " + examples);
        assertThatThrownBy(() -> Durations.parse("10x")).hasMessage("'10x' is not a duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("1h 30m")).hasMessage("'1h 30m' is not a duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("-5m")).hasMessage("'-5m' is not a duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("h")).hasMessage("'h' is not a duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("")).hasMessage("empty duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("PT-1H")).hasMessage("'PT-1H' is negative: " + examples);
        assertThatThrownBy(() -> Durations.parse("P1X")).hasMessage("'P1X' is not an ISO-8601 duration: " + examples);
        assertThatThrownBy(() -> Durations.parse("99999999999999999d")).hasMessage("'99999999999999999d' is too long a duration");
    }

    @Test
    void formatReadsBack() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.parse("P1DT2H3M4.005S"))).isEqualTo("1d2h3m4s5ms");
        assertThat(Durations.parse(Durations.format(Duration.ofSeconds(3725)))).isEqualTo(Duration.ofSeconds(3725));
    }
}
