package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The command line reads durations in the core's format and reports a mistake as a usage error. */
class DurationsTest {
    @Test
    void readsTheCoreFormat() {
        assertThat(new Durations().convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    }

    @Test
    void aMistakeIsAConversionErrorSayingWhatIsAccepted() {
        assertThatThrownBy(() -> Durations.parse("60")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'60' has no unit: use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H");
    }
}
