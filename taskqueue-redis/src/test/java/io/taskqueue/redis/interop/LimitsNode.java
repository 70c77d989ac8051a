package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.testing.node.NodeScripts;
import java.time.Duration;
import java.util.Map;

/** Runs the commands of {@code src/test/node/limits.js} (checks 7 and 10) like {@link NodeRunner}. */
final class LimitsNode {
    private LimitsNode() {
    }

    /** Starts {@code command} and waits until it prints READY. */
    static NodeScripts.Background start(String command, Map<String, Object> config) {
        return NodeRunner.NODE.start("limits.js", command, config, true);
    }

    /** Runs {@code command} to completion (for commands that print no READY line). */
    static JsonNode run(String command, Map<String, Object> config) {
        return NodeRunner.NODE.run("limits.js", command, config, Duration.ofMinutes(2));
    }
}
