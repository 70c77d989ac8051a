package io.taskqueue.testing.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading a script's result: the last JSON line, whatever the script logged before it. */
class NodeScriptsTest {
    @Test
    void theResultIsTheLastNonBlankLine() {
        assertThat(NodeScripts.lastJsonLine("READY\nsome log line\n{\"ids\":[\"1\",\"2\"]}\n\n").get("ids"))
                .hasSize(2);
    }

    @Test
    void outputWithoutJsonFailsSayingWhatNodePrinted() {
        assertThatThrownBy(() -> NodeScripts.lastJsonLine("Error: connect ECONNREFUSED\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("node printed no JSON")
                .hasMessageContaining("ECONNREFUSED");
        assertThatThrownBy(() -> NodeScripts.lastJsonLine("")).isInstanceOf(AssertionError.class);
    }
}
