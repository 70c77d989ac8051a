package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.testing.node.NodeScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Node side of the interop tests: {@code src/test/node/interop.js} and its sibling scripts, with
 * bullmq 6.7.0 pinned by the committed lockfile, run through the test kit's {@link NodeScripts}.
 */
final class NodeRunner {
    static final NodeScripts NODE = NodeScripts.in(Path.of("src", "test", "node"), "bullmq",
            "The BullMQ interop tests");
    static final Path DIR = NODE.dir();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private NodeRunner() {
    }

    /** Checks node and npm, and installs the pinned packages once. */
    static void ensureInstalled() {
        NODE.ensureInstalled();
    }

    /** Runs one command of {@code interop.js} to completion and parses its JSON output. */
    static JsonNode run(String command, Map<String, Object> config) {
        return NODE.run("interop.js", command, config, TIMEOUT);
    }

    /** Starts a long-running command of {@code interop.js} and waits until it prints READY. */
    static NodeScripts.Background start(String command, Map<String, Object> config) {
        return NODE.start("interop.js", command, config, true);
    }

    /** The last JSON line of a script's output. */
    static JsonNode parse(String text) {
        return NodeScripts.lastJsonLine(text);
    }

    static ObjectMapper json() {
        return NodeScripts.json();
    }

    /** Runs one command of another Node script in the same directory (e.g. {@code schedflow.js}). */
    static JsonNode runScript(String script, String command, Map<String, Object> config, long timeoutSeconds) {
        return NODE.run(script, command, config, Duration.ofSeconds(timeoutSeconds));
    }
}
