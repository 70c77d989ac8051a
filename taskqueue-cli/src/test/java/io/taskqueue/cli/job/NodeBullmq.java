package io.taskqueue.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/jobs.js} with bullmq 6.7.0, pinned by the committed lockfile (the same
 * packages as taskqueue-redis's interop suite). Installs them with {@code npm install --no-save} when
 * {@code node_modules} is missing ({@code npm ci} refuses a lockfile that lacks other platforms'
 * optional packages; {@code --no-save} installs the locked versions and leaves the lockfile alone).
 * Fails, never skips, with a message saying what to install when {@code node} or {@code npm} is missing.
 */
final class NodeBullmq {
    private static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static boolean installed;

    private NodeBullmq() {
    }

    /** Runs {@code jobs.js command config} and returns the JSON it printed. */
    static JsonNode run(String command, Map<String, Object> config) {
        ensureInstalled();
        Output out = exec(List.of("node", "jobs.js", command, write(config)), 120);
        if (out.exit() != 0) {
            throw new AssertionError("node jobs.js " + command + " failed:\n" + out.stderr());
        }
        List<String> lines = out.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("node jobs.js " + command + " printed nothing:\n" + out.stderr());
        }
        return JsonShapes.parse(lines.get(lines.size() - 1));
    }

    private static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException(tool + " --version failed");
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("The Node BullMQ test needs Node.js (18 or newer) and npm on the PATH, and '"
                        + tool + "' could not be run (" + e.getMessage() + "). Install them, e.g."
                        + " 'apt-get install nodejs npm', then run the tests again.", e);
            }
        }
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("bullmq"))) {
            Output out = exec(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund"), 600);
            if (out.exit() != 0) {
                throw new AssertionError("npm install in " + DIR + " failed:\n" + out.stderr() + out.stdout());
            }
        }
        installed = true;
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
                throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Map<String, Object> config) {
        try {
            return JsonShapes.JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
