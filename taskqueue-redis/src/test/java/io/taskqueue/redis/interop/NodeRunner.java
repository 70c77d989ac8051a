package io.taskqueue.redis.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node side of the interop tests ({@code src/test/node/interop.js}, bullmq 6.7.0 pinned by
 * the committed lockfile). Installs it with {@code npm install --no-save} when {@code node_modules} is
 * missing (not {@code npm ci}: the registry reachable from our machines lacks the other platforms'
 * optional native packages of msgpackr, so the lockfile cannot list them and {@code npm ci}'s strict
 * sync check refuses it; {@code --no-save} installs the locked versions and leaves the lockfile as is), and
 * fails with a message saying what to install when {@code node} or {@code npm} is missing.
 */
final class NodeRunner {
    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean ready;

    private NodeRunner() {
    }

    /** Checks node and npm, and installs the pinned packages once. */
    static synchronized void ensureInstalled() {
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
                throw new AssertionError("The BullMQ interop tests need Node.js (18 or newer) and npm on the PATH,"
                        + " and '" + tool + "' could not be run (" + e.getMessage() + "). Install them, e.g."
                        + " 'apt-get install nodejs npm', then run the tests again.", e);
            }
        }
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("bullmq"))) {
            Output out = exec(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund"), 600);
            if (out.exit != 0) {
                throw new AssertionError("npm install in " + DIR + " failed:\n" + out.stderr + out.stdout);
            }
        }
        ready = true;
    }

    /** Runs one command to completion and parses its JSON output. */
    static JsonNode run(String command, Map<String, Object> config) {
        ensureInstalled();
        Output out = exec(List.of("node", "interop.js", command, write(config)), 120);
        if (out.exit != 0) {
            throw new AssertionError("node interop.js " + command + " failed:\n" + out.stderr);
        }
        return parse(out.stdout);
    }

    /** Starts a long-running command and waits until it prints READY. */
    static Background start(String command, Map<String, Object> config) {
        ensureInstalled();
        try {
            Process p = new ProcessBuilder("node", "interop.js", command, write(config)).directory(DIR.toFile()).start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String first = reader.readLine();
            if (!"READY".equals(first)) {
                p.destroyForcibly();
                throw new AssertionError("node interop.js " + command + " did not start: " + first + "\n" + stderr.join());
            }
            return new Background(p, reader, stderr);
        } catch (IOException e) {
            throw new AssertionError("cannot start node", e);
        }
    }

    /** A running Node command. */
    record Background(Process process, BufferedReader stdout, CompletableFuture<String> stderr) {
        /** Waits for the command's JSON result. */
        JsonNode result() {
            try {
                String line = stdout.readLine();
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || line == null) {
                    throw new AssertionError("node failed: " + stderr.join());
                }
                return parse(line);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("reading node output failed", e);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private record Output(int exit, String stdout, String stderr) {
    }

    private static Output exec(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(DIR.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " timed out");
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run " + command, e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String write(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
            return JSON.readTree(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new AssertionError("node printed no JSON: " + text, e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** Runs one command of another Node script in the same directory (e.g. {@code schedflow.js}). */
    static JsonNode runScript(String script, String command, Map<String, Object> config, long timeoutSeconds) {
        ensureInstalled();
        Output out = exec(List.of("node", script, command, write(config)), timeoutSeconds);
        if (out.exit != 0) {
            throw new AssertionError("node " + script + " " + command + " failed:\n" + out.stderr);
        }
        return parse(out.stdout);
    }
}
