package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example runs its job before it closes. */
class WelcomeTest {
    @Test
    void theReadmeExampleProcessesItsJobInMemory() {
        assertThat(run()).isEqualTo("\"sent 'Welcome' to ada@example.com\"\n");
    }

    static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Welcome.main(args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
