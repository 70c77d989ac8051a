package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.testing.node.NodeScripts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/checks.js} (the Node side of checks 5, 6, 8, 12 and 14) with the pinned
 * bullmq 6.7.0. Like {@link NodeRunner}, it fails (never skips) with a message saying what to install
 * when {@code node} or {@code npm} is missing.
 */
final class NodeChecks {
    private static final String SCRIPT = "checks.js";

    private NodeChecks() {
    }

    /** Runs {@code command} to completion and returns its JSON result. */
    static JsonNode run(String command, Map<String, Object> config) {
        try (Proc p = start(command, config)) {
            return p.result();
        }
    }

    /** Runs the {@code ops} command with {@code ops} and returns its list of per-op results. */
    static JsonNode ops(Map<String, Object> config, List<Map<String, Object>> ops) {
        Map<String, Object> cfg = new java.util.HashMap<>(config);
        cfg.put("ops", ops);
        return run("ops", cfg).get("results");
    }

    /** Starts {@code command}; read its lines with {@link Proc#awaitLine} and its result with {@link Proc#result}. */
    static Proc start(String command, Map<String, Object> config) {
        NodeScripts.Background node = NodeRunner.NODE.start(SCRIPT, command, config, false);
        return new Proc(command, node.process(), node.stdout(), node.stderr());
    }

    /** A running {@code checks.js} command. Closing it kills the process (SIGKILL). */
    static final class Proc implements AutoCloseable {
        private final String command;
        private final Process process;
        private final BufferedReader stdout;
        private final CompletableFuture<String> stderr;
        private final List<String> lines = new ArrayList<>();

        private Proc(String command, Process process, BufferedReader stdout, CompletableFuture<String> stderr) {
            this.command = command;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** Reads stdout until a line starting with {@code prefix} (bounded by the process's own timeout). */
        String awaitLine(String prefix) {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("reading node output failed", e);
            }
            process.destroyForcibly();
            throw new AssertionError("node " + SCRIPT + " " + command + " ended before printing '" + prefix + "': "
                    + lines + "\n" + stderr.join());
        }

        /** Waits (up to 3 minutes) for the command to end and returns its JSON result (its last line). */
        JsonNode result() {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    lines.add(line);
                }
                if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0 || lines.isEmpty()) {
                    throw new AssertionError("node " + SCRIPT + " " + command + " failed: " + stderr.join());
                }
                return NodeRunner.json().readTree(lines.get(lines.size() - 1));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("reading node output failed: " + lines, e);
            } finally {
                process.destroyForcibly();
            }
        }

        /** Closes the process's stdin: the signal for {@code stallCheck} to stop and print its result. */
        void closeStdin() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                throw new AssertionError("cannot close node's stdin", e);
            }
        }

        /** Kills the process with SIGKILL: no graceful close, no lock release. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
