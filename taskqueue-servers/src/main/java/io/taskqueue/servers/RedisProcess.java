package io.taskqueue.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One {@code redis-server} process of a private server: started on a loopback port with nothing kept
 * on disk, its output in {@code redis.log} of its directory, killed when the JVM exits if nobody
 * stopped it first.
 */
final class RedisProcess {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Thread killHook;

    private RedisProcess(Process process, Thread killHook) {
        this.process = process;
        this.killHook = killHook;
    }

    /**
     * Starts {@code binary} on {@code port} and waits until {@code ping} answers {@code PONG}.
     *
     * @param password the default user's password ({@code requirepass}), or {@code null}
     * @throws PortInUseException when another process took the port first
     */
    static RedisProcess start(Path binary, int port, Path workDir, String password, Supplier<String> ping) {
        Path log = workDir.resolve("redis.log");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", workDir.toString()));
        if (password != null) {
            // A private server's password is its only one: the default user's (requirepass).
            command.addAll(List.of("--requirepass", password));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
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
        RedisProcess started = new RedisProcess(process, LocalProcesses.killOnExit(process, "redis-" + port));
        started.awaitReady(binary, port, log, ping);
        return started;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process, gracefully and then by force. */
    void stop() {
        LocalProcesses.stop(process, 5_000);
        LocalProcesses.forget(killHook);
    }

    private void awaitReady(Path binary, int port, Path log, Supplier<String> ping) {
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
            try {
                if ("PONG".equals(ping.get())) {
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
