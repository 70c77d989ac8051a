package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as people write them, and the errors when they mistype. */
class DurationTextTest {
    @Test
    void unitsCombinationsAndIso() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1d2h3m4s5ms")).isEqualTo(Duration.parse("P1DT2H3M4.005S"));
        assertThat(DurationText.parse(" 2H ")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("0s")).isZero();
        assertThat(DurationText.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("p7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void mistakesSayWhatIsAccepted() {
        String examples = "use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H";
        assertThatThrownBy(() -> DurationText.parse("60")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'60' has no unit: " + examples);
        assertThatThrownBy(() -> DurationText.parse("10x")).hasMessage("'10x' is not a duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("1h 30m")).hasMessage("'1h 30m' is not a duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("-5m")).hasMessage("'-5m' is not a duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("h")).hasMessage("'h' is not a duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("")).hasMessage("empty duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("PT-1H")).hasMessage("'PT-1H' is negative: " + examples);
        assertThatThrownBy(() -> DurationText.parse("P1X")).hasMessage("'P1X' is not an ISO-8601 duration: " + examples);
        assertThatThrownBy(() -> DurationText.parse("99999999999999999d")).hasMessage("'99999999999999999d' is too long a duration");
    }

    @Test
    void formatReadsBack() {
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DurationText.format(Duration.parse("P1DT2H3M4.005S"))).isEqualTo("1d2h3m4s5ms");
        assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(3725)))).isEqualTo(Duration.ofSeconds(3725));
    }
}
