package io.taskqueue.opentelemetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.testing.node.NodeScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs {@code src/test/node/otel.js}: bullmq 6.7.0 with bullmq-otel and an in-memory span exporter,
 * pinned by the committed lockfile, through the test kit's {@link NodeScripts}.
 */
final class NodeSide {
    private static final NodeScripts NODE = NodeScripts.in(Path.of("src", "test", "node"), "bullmq-otel",
            "The cross-language tracing tests");

    private NodeSide() {
    }

    /** Runs {@code command} to its end and returns the JSON it printed. */
    static JsonNode run(String command, Map<String, Object> config) {
        return NODE.run("otel.js", command, config, Duration.ofMinutes(2));
    }

    /** Starts a long-running command and returns once it printed READY. */
    static NodeScripts.Background start(String command, Map<String, Object> config) {
        return NODE.start("otel.js", command, config, true);
    }
}
