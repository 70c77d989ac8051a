package io.taskqueue.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts in {@code src/test/node} ({@code queues.js}, {@code jobs.js}) with the bullmq
 * 6.7.0 the committed lockfile pins (the same packages as taskqueue-redis's interop harness). Installs it with {@code npm install --no-save} when
 * {@code node_modules} is missing (as the redis module does: the lockfile lists only this
 * platform's optional packages, which {@code npm ci} would refuse), and fails, never skips, with a
 * message saying what to install when {@code node} or {@code npm} is missing.
 */
public final class NodeBullmq {
    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean ready;

    private NodeBullmq() {
    }

    /** Checks node and npm, and installs the pinned packages once. */
    public static synchronized void ensureInstalled() {
        if (ready) {
            return;
        }
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException(tool + " --version failed");
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("The tests on Node-made queues need Node.js (18 or newer) and npm on the"
                        + " PATH, and '" + tool + "' could not be run (" + e.getMessage() + "). Install them, e.g."
                        + " 'apt-get install nodejs npm', then run the tests again.", e);
            }
        }
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("bullmq"))) {
            try {
                Process p = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund")
                        .directory(DIR.toFile()).redirectErrorStream(true).start();
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
                if (!p.waitFor(600, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("npm install in " + DIR + " timed out");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("npm install in " + DIR + " failed:\n" + out.join());
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("cannot run npm install in " + DIR, e);
            }
        }
        ready = true;
    }

    /** Runs {@code node script command config} to completion; returns the JSON it printed last. */
    public static JsonNode run(String script, String command, Map<String, Object> config) {
        try (Background p = start(script, command, config, false)) {
            return p.result();
        }
    }

    /** Starts {@code node script command config}; when {@code awaitReady}, returns once it printed READY. */
    public static Background start(String script, String command, Map<String, Object> config, boolean awaitReady) {
        ensureInstalled();
        try {
            Process p = new ProcessBuilder("node", script, command, JSON.writeValueAsString(config))
                    .directory(DIR.toFile()).start();
            Background background = new Background(p,
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                    CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream())));
            if (awaitReady) {
                String first = background.stdout.readLine();
                if (!"READY".equals(first)) {
                    background.close();
                    throw new AssertionError("node " + script + " " + command + " did not start: " + first + "\n"
                            + background.stderr.join());
                }
            }
            return background;
        } catch (IOException e) {
            throw new AssertionError("cannot start node " + script + " " + command, e);
        }
    }

    /** A running script; closing it ends its standard input, then kills it if need be. */
    public record Background(Process process, BufferedReader stdout, CompletableFuture<String> stderr) implements AutoCloseable {
        /** Waits for the command's JSON result (its last line). */
        public JsonNode result() {
            try {
                String last = null;
                for (String line; (line = stdout.readLine()) != null; ) {
                    last = line.isBlank() ? last : line;
                }
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || last == null) {
                    throw new AssertionError("node failed:\n" + stderr.join());
                }
                return JSON.readTree(last);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("reading node's output failed", e);
            }
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
