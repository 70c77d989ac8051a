package io.taskqueue.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code redis-server} (or sentinel) process of a private server: started with its output in a
 * log file, ready once it answers {@code PING}, killed when the JVM exits if nobody stopped it first.
 * Standalone servers, cluster nodes and sentinel set-ups all start their processes here.
 */
final class RedisProcess {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private final Process process;
    private final Thread killHook;

    private RedisProcess(int port, Process process, Thread killHook) {
        this.port = port;
        this.process = process;
        this.killHook = killHook;
    }

    /** The usual arguments of a private server: loopback only, nothing kept on disk. */
    static List<String> serverArgs(int port, Path dir) {
        return List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", dir.toString());
    }

    /**
     * Runs {@code binary args} in {@code dir}, its output in {@code log}, and waits until the process
     * answers {@code PING} on {@code port} (with {@code password}, or none).
     *
     * @param name names the process's shutdown hook
     * @throws PortInUseException when another process took the port first
     */
    static RedisProcess start(Path binary, List<String> args, Path dir, Path log, String name, int port,
            String password) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                // A file, not a pipe: nobody reads the pipe, and a full pipe would block Redis.
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage() + ". "
                    + RedisBinaries.HINT, e);
        }
        RedisProcess started = new RedisProcess(port, process, LocalProcesses.killOnExit(process, name));
        started.awaitReady(binary, log, password);
        return started;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process, gracefully and then by force. */
    void stop() {
        LocalProcesses.stop(process, 5_000);
        LocalProcesses.forget(killHook);
    }

    /** Kills the process at once, as a crash would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the Redis process on port " + port, e);
        }
    }

    private void awaitReady(Path binary, Path log, String password) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = LocalProcesses.tail(log, 20);
                int exit = process.exitValue();
                stop();
                if (output.contains("Address already in use")) {
                    throw new PortInUseException(output);
                }
                throw new IllegalStateException(binary + " exited with code " + exit
                        + " while starting on port " + port + ". " + RedisBinaries.HINT
                        + ". Its output:\n" + output);
            }
            try (RespClient client = RespClient.connect("127.0.0.1", port, null, password, 0)) {
                if ("PONG".equals(client.ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e; // not listening yet
            }
            LocalProcesses.pause(20);
        }
        stop();
        throw new IllegalStateException(binary + " did not answer PING on port " + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + "s. Its output:\n" + LocalProcesses.tail(log, 20),
                lastError);
    }

    /** The port was taken between choosing it and Redis binding it. */
    static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String output) {
            super(output);
        }
    }
}
