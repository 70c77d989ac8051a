package io.taskqueue.redis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Regenerates the cron vectors with Node (cron-parser as installed for the interop tests) and checks
 * that they equal the committed {@code cron-vectors.json} and that our evaluation matches them, so a
 * changed generator or cron-parser cannot drift from the file the unit test reads.
 */
class CronVectorsIT {
    private static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();

    @Test
    void regeneratedVectorsEqualTheCommittedOnesAndMatchOurs() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules").resolve("cron-parser")).as("run npm ci in " + NODE_DIR
                + " (the interop tests do it on first use)").isDirectory();
        Process p = new ProcessBuilder("node", "cron-vectors.js").directory(NODE_DIR.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode generated = json.readTree(out);
        JsonNode committed = json.readTree(Files.readString(Path.of("src", "test", "resources", "cron-vectors.json")));
        assertThat(generated).isEqualTo(committed);
        assertThat(CronVectorsTest.mismatches(generated)).isEmpty();
    }
}
