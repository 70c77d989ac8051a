package io.taskqueue.opentelemetry;

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
 * Runs {@code src/test/node/otel.js} (bullmq 6.7.0 with bullmq-otel and an in-memory span exporter,
 * pinned by the committed lockfile). Installs the packages with {@code npm install --no-save} when
 * {@code node_modules} is missing: like taskqueue-redis's interop harness, not {@code npm ci}, whose
 * strict check refuses a lockfile without other platforms' optional native packages.
 */
final class NodeSide {
    private static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private NodeSide() {
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("bullmq-otel"))) {
            Process p = start(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund"));
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!finished(p, 600) || p.exitValue() != 0) {
                throw new AssertionError("npm install in " + DIR + " failed:\n" + err.join() + out.join());
            }
        }
        installed = true;
    }

    /** Runs {@code command} to its end and returns the JSON it printed. */
    static JsonNode run(String command, Map<String, Object> config) {
        install();
        Process p = start(List.of("node", "otel.js", command, write(config)));
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!finished(p, 120) || p.exitValue() != 0) {
            throw new AssertionError("node otel.js " + command + " failed:\n" + err.join());
        }
        List<String> lines = out.join().lines().filter(l -> !l.isBlank()).toList();
        return parse(lines.get(lines.size() - 1));
    }

    /** Starts a long-running command and returns once it printed READY. */
    static Running start(String command, Map<String, Object> config) {
        install();
        Process p = start(List.of("node", "otel.js", command, write(config)));
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            String first = reader.readLine();
            if (!"READY".equals(first)) {
                p.destroyForcibly();
                throw new AssertionError("node otel.js " + command + " did not start: " + first + "\n" + err.join());
            }
        } catch (IOException e) {
            throw new AssertionError("reading node's output failed", e);
        }
        return new Running(p, reader, err);
    }

    /** A command that runs until it has done its work. */
    record Running(Process process, BufferedReader stdout, CompletableFuture<String> stderr) {
        /** Waits for the command's JSON result. */
        JsonNode result() {
            try {
                String line = stdout.readLine();
                if (line == null || !finished(process, 120) || process.exitValue() != 0) {
                    throw new AssertionError("node failed: " + stderr.join());
                }
                return parse(line);
            } catch (IOException e) {
                throw new AssertionError("reading node's output failed", e);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).directory(DIR.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": the cross-language tests need Node.js 18+ and npm"
                    + " on the PATH (e.g. 'apt-get install nodejs npm')", e);
        }
    }

    private static boolean finished(Process p, long seconds) {
        try {
            if (p.waitFor(seconds, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        return false;
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static String write(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("node printed no JSON: " + line, e);
        }
    }
}
