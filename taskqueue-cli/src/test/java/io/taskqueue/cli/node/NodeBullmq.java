package io.taskqueue.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.testing.node.NodeScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The scripts in {@code src/test/node} ({@code queues.js}, {@code jobs.js}) with the bullmq 6.7.0 the
 * committed lockfile pins, run through the test kit's {@link NodeScripts}.
 */
public final class NodeBullmq {
    private static final NodeScripts NODE = NodeScripts.in(Path.of("src", "test", "node"), "bullmq",
            "The tests on Node-made queues");

    private NodeBullmq() {
    }

    /** Checks node and npm, and installs the pinned packages once. */
    public static void ensureInstalled() {
        NODE.ensureInstalled();
    }

    /** Runs {@code node script command config} to completion; returns the JSON it printed last. */
    public static JsonNode run(String script, String command, Map<String, Object> config) {
        return NODE.run(script, command, config, Duration.ofMinutes(2));
    }

    /** Starts {@code node script command config}; when {@code awaitReady}, returns once it printed READY. */
    public static NodeScripts.Background start(String script, String command, Map<String, Object> config,
            boolean awaitReady) {
        return NODE.start(script, command, config, awaitReady);
    }
}
