package io.taskqueue.testing.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of a test: a directory of scripts whose npm packages a committed lockfile pins
 * (bullmq, bullmq-otel, …). Each script takes {@code command} and a JSON configuration as its
 * arguments and prints its result as a JSON line, last; a long-running command prints
 * {@code READY} first.
 *
 * <p>The packages are installed once per directory and JVM with {@code npm install --no-save}, not
 * {@code npm ci}: the lockfiles list only this platform's optional native packages (the registry our
 * machines reach lacks the others), which {@code npm ci}'s strict check refuses, while
 * {@code --no-save} installs the locked versions and leaves the lockfile as it is. Without
 * {@code node} or {@code npm} on the PATH the test fails, never skips, saying what to install.
 *
 * <pre>{@code
 * NodeScripts node = NodeScripts.in(Path.of("src/test/node"), "bullmq", "The interop tests");
 * JsonNode added = node.run("interop.js", "add", Map.of("queue", "q"), Duration.ofMinutes(2));
 * }</pre>
 */
public final class NodeScripts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Boolean> INSTALLED = new ConcurrentHashMap<>();
    /** How long {@code npm install} may take. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private final Path dir;
    private final String marker;
    private final String purpose;

    private NodeScripts(Path dir, String marker, String purpose) {
        this.dir = dir.toAbsolutePath();
        this.marker = marker;
        this.purpose = purpose;
    }

    /**
     * The scripts in {@code dir}.
     *
     * @param dir the directory holding the scripts, {@code package.json} and the lockfile
     * @param markerPackage a package whose presence in {@code node_modules} means the install is done
     * @param purpose what needs Node, for the message when it is missing ("The interop tests")
     */
    public static NodeScripts in(Path dir, String markerPackage, String purpose) {
        return new NodeScripts(dir, markerPackage, purpose);
    }

    /** The scripts' directory. */
    public Path dir() {
        return dir;
    }

    /** The mapper that reads and writes the scripts' JSON. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Checks {@code node} and {@code npm}, and installs the pinned packages once. */
    public void ensureInstalled() {
        INSTALLED.computeIfAbsent(dir, d -> {
            for (String tool : List.of("node", "npm")) {
                try {
                    Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        throw new IOException(tool + " --version failed");
                    }
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(purpose + " need Node.js (18 or newer) and npm on the PATH, and '" + tool
                            + "' could not be run (" + e.getMessage() + "). Install them, e.g. 'apt-get install"
                            + " nodejs npm', then run the tests again.", e);
                }
            }
            if (!Files.isDirectory(d.resolve("node_modules").resolve(marker))) {
                Output out = exec(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund"), INSTALL_TIMEOUT);
                if (out.exit() != 0) {
                    throw new AssertionError("npm install in " + d + " failed:\n" + out.stderr() + out.stdout());
                }
            }
            return true;
        });
    }

    /** Runs {@code node script command config} to its end and returns the JSON line it printed last. */
    public JsonNode run(String script, String command, Map<String, Object> config, Duration timeout) {
        ensureInstalled();
        Output out = exec(List.of("node", script, command, write(config)), timeout);
        if (out.exit() != 0) {
            throw new AssertionError("node " + script + " " + command + " failed:\n" + out.stderr());
        }
        return lastJsonLine(out.stdout());
    }

    /**
     * Starts {@code node script command config}; when {@code awaitReady}, returns once it printed
     * {@code READY}.
     */
    public Background start(String script, String command, Map<String, Object> config, boolean awaitReady) {
        ensureInstalled();
        try {
            Process p = new ProcessBuilder("node", script, command, write(config)).directory(dir.toFile()).start();
            Background background = new Background(p,
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                    CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream())));
            if (awaitReady) {
                String first = background.stdout().readLine();
                if (!"READY".equals(first)) {
                    background.process().destroyForcibly();
                    throw new AssertionError("node " + script + " " + command + " did not start: " + first + "\n"
                            + background.stderr().join());
                }
            }
            return background;
        } catch (IOException e) {
            throw new AssertionError("cannot start node " + script + " " + command, e);
        }
    }

    /** The last non-blank line of {@code text}, read as JSON. */
    public static JsonNode lastJsonLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("node printed nothing, where a JSON result was expected");
        }
        try {
            return JSON.readTree(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new AssertionError("node printed no JSON: " + text, e);
        }
    }

    /**
     * A running script. {@link #result()} waits for its JSON result; closing it ends its standard
     * input and kills it if it does not end on its own.
     *
     * @param process the node process
     * @param stdout its standard output
     * @param stderr its standard error, read to the end in the background
     */
    public record Background(Process process, BufferedReader stdout, CompletableFuture<String> stderr)
            implements AutoCloseable {
        /** Waits for the script's end and returns the JSON line it printed last. */
        public JsonNode result() {
            try {
                StringBuilder rest = new StringBuilder();
                for (String line; (line = stdout.readLine()) != null; ) {
                    rest.append(line).append('\n');
                }
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("node failed:\n" + stderr.join());
                }
                return lastJsonLine(rest.toString());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("reading node's output failed", e);
            } finally {
                process.destroyForcibly();
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

    private record Output(int exit, String stdout, String stderr) {
    }

    private Output exec(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " in " + dir + " timed out after " + timeout);
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run " + command + " in " + dir, e);
        }
    }

    private static String write(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
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
