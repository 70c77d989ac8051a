package io.taskqueue.redis.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Starts the commands of {@code src/test/node/limits.js} (checks 7 and 10) like {@link NodeRunner}. */
final class LimitsNode {
    private LimitsNode() {
    }

    /** Starts {@code command} and waits until it prints READY. */
    static NodeRunner.Background start(String command, Map<String, Object> config) {
        NodeRunner.ensureInstalled();
        try {
            String json = NodeRunner.json().writeValueAsString(config);
            Process p = new ProcessBuilder(List.of("node", "limits.js", command, json))
                    .directory(NodeRunner.DIR.toFile()).start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            String first = reader.readLine();
            if (!"READY".equals(first)) {
                p.destroyForcibly();
                throw new AssertionError("node limits.js " + command + " did not start: " + first + "\n" + stderr.join());
            }
            return new NodeRunner.Background(p, reader, stderr);
        } catch (IOException e) {
            throw new AssertionError("cannot start node", e);
        }
    }

    /** Runs {@code command} to completion (for commands that print no READY line). */
    static com.fasterxml.jackson.databind.JsonNode run(String command, Map<String, Object> config) {
        NodeRunner.ensureInstalled();
        try {
            String json = NodeRunner.json().writeValueAsString(config);
            Process p = new ProcessBuilder(List.of("node", "limits.js", command, json))
                    .directory(NodeRunner.DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("node limits.js " + command + " failed");
            }
            return NodeRunner.parse(out);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run node", e);
        }
    }
}
