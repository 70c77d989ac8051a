package io.taskqueue.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small helpers shared by the servers that start local processes. */
final class LocalProcesses {

    private LocalProcesses() {}

    /**
      * A port that was free on 127.0.0.1 a moment ago. There is an unavoidable race with other
      * processes; callers retry with a new port when the server reports "address in use".
      */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not gone after the grace period. */
    static void stop(Process process, long graceMillis) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
      * Registers a JVM shutdown hook that kills the process, so a crashed or interrupted test run
      * does not leave servers behind. Returns the hook so {@link #forget} can remove it.
      */
    static Thread killOnExit(Process process, String name) {
        Thread hook = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook from {@link #killOnExit}; harmless when the JVM is already shutting down. */
    static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; nothing to undo.
        }
    }

    /** The last lines of a log file, for error messages; never throws. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Deletes a directory tree, best effort: leftovers in the temp directory are not test failures. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort, see above.
        }
    }

    /** Sleeps briefly between readiness probes. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test server", e);
        }
    }
}
