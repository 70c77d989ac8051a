package io.taskqueue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StacktracesTest {
    @Test
    void appendsAndKeepsTheNewestWithinTheLimit() {
        List<String> traces = Stacktraces.append(List.of("one", "two"), new IllegalStateException("three"), 2);
        assertThat(traces).hasSize(2);
        assertThat(traces.get(0)).isEqualTo("two");
        assertThat(traces.get(1)).startsWith("java.lang.IllegalStateException: three").contains("at ");
    }

    @Test
    void limitZeroKeepsNothingAndNullKeepsAll() {
        assertThat(Stacktraces.append(List.of("a"), new RuntimeException("b"), 0)).isEmpty();
        assertThat(Stacktraces.append(List.of("a", "b"), new RuntimeException("c"), null)).hasSize(3);
    }

    @Test
    void reasonFallsBackToTheClassName() {
        assertThat(Stacktraces.reason(new RuntimeException("boom"))).isEqualTo("boom");
        assertThat(Stacktraces.reason(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
