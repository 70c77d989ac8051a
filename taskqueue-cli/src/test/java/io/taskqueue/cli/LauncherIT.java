package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line as users run it: the {@code taskqueue} script next to the runnable jar in
 * target/ (built by {@code package}, before this runs), as a separate process with its own JVM.
 */
@ExtendWith(RedisExtension.class)
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "taskqueue").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one process did. */
    private record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return exec(command, env);
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Run exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theScriptSitsExecutableNextToTheRunnableJar() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        assertThat(LAUNCHER.resolveSibling("taskqueue-cli.jar")).isRegularFile();
        assertThat(Files.readString(LAUNCHER)).startsWith("#!/bin/sh\n");
        Run version = run("--version");
        assertThat(version.status()).as(version.toString()).isZero();
        assertThat(version.out().strip()).isEqualTo("taskqueue 0.1.0-SNAPSHOT");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void theRunnableJarCarriesTheNoticeAndTheLicenseOfEveryLibraryInside() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (ZipFile jar = new ZipFile(LAUNCHER.resolveSibling("taskqueue-cli.jar").toFile())) {
            assertThat(read(jar, "META-INF/taskqueue/NOTICE")).isEqualTo(Files.readString(root.resolve("NOTICE")));
            assertThat(read(jar, "META-INF/taskqueue/LICENSE")).isEqualTo(Files.readString(root.resolve("LICENSE")));
            List<NoticeTest.Entry> entries = NoticeTest.entries();
            for (NoticeTest.Entry entry : entries) {
                assertThat(jar.getEntry("META-INF/taskqueue/" + entry.text())).as(entry.name()).isNotNull();
            }
            // Every library whose Maven coordinates are inside (a bundled jar's, or code a jar embeds).
            Set<String> named = entries.stream().map(e -> e.artifact() + ":" + e.version()).collect(Collectors.toSet());
            List<String> inside = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties"))
                    .map(n -> coordinates(jar, n)).filter(c -> !c.startsWith("io.taskqueue:")).toList();
            assertThat(inside).hasSizeGreaterThan(20);
            assertThat(named).containsAll(inside);
            String notice = Files.readString(root.resolve("NOTICE"));
            for (String path : List.of("META-INF/FastDoubleParser-LICENSE", "META-INF/thirdparty-LICENSE",
                    "META-INF/licenses/com.ongres.scram/", "META-INF/licenses/com.ongres.stringprep/")) {
                assertThat(notice).contains(path);
                assertThat(jar.stream().anyMatch(e -> e.getName().startsWith(path))).as(path).isTrue();
            }
        }
    }

    private static String read(ZipFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (var in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String coordinates(ZipFile jar, String pomProperties) {
        try (var in = jar.getInputStream(jar.getEntry(pomProperties))) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listsTheQueuesOfARealRedis(RedisServer redis, RedisTestPrefix prefix) throws Exception {
        try (TaskQueue taskQueue = TaskQueue.open(redis.uri() + "?prefix=" + prefix.value())) {
            taskQueue.queue("launched").add("work", 1);
            taskQueue.queue("launched").add("work", 2);
        }
        Run table = run("--url", redis.uri().toString(), "--prefix", prefix.value(), "queue", "ls");
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "QUEUE     WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED",
                "launched  2        0            0        0       0          0");
        assertThat(table.err()).isEmpty();

        Run json = run(Map.of(CliContext.URL_VARIABLE, redis.uri() + "?prefix=" + prefix.value()), "--json", "queue", "ls");
        JsonNode queues = JSON.readTree(json.out());
        assertThat(queues).hasSize(1);
        assertThat(queues.at("/0/name").asText()).isEqualTo("launched");
        assertThat(queues.at("/0/counts/waiting").asLong()).isEqualTo(2);
    }

    @Test
    void simulatesAndReadsASatlocLog() throws Exception {
        Run simulated = run("satloc", "simulate", "sample.log", "--seed", "7");
        assertThat(simulated.status()).as(simulated.toString()).isZero();
        assertThat(simulated.out()).startsWith("wrote sample.log (");
        assertThat(dir.resolve("sample.job")).isRegularFile();

        Run stats = run("satloc", "stats", "sample.log", "--job", "sample.job", "--svg", "map.svg");
        assertThat(stats.status()).as(stats.toString()).isZero();
        assertThat(stats.out().lines()).contains("format version    3.76", "job               1042 NORTH 40",
                "map written to map.svg");
        assertThat(Files.readString(dir.resolve("map.svg"))).startsWith("<?xml").contains("<svg");

        Run missing = run("satloc", "stats", "nosuch.log");
        assertThat(missing.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(missing.err()).isEqualTo("taskqueue: cannot read nosuch.log: no such file or directory\n");
        assertThat(run("satloc", "stats").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void findsItsJarThroughASymlinkAndPassesJavaOptions() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("tq"), LAUNCHER);
        Run linked = exec(List.of(link.toString(), "--version"), Map.of());
        assertThat(linked.status()).as(linked.toString()).isZero();
        Files.delete(link);

        Run badOption = run(Map.of("TASKQUEUE_JAVA_OPTS", "-Xmx64m -XX:+NoSuchOptionAnywhere"), "--version");
        assertThat(badOption.status()).isNotZero();
        assertThat(badOption.err()).contains("NoSuchOptionAnywhere");

        Run noJava = run(Map.of("JAVA_HOME", dir.resolve("no-jdk").toString()), "--version");
        assertThat(noJava.status()).isEqualTo(1);
        assertThat(noJava.err().strip()).isEqualTo("taskqueue: JAVA_HOME is " + dir.resolve("no-jdk") + ", but "
                + dir.resolve("no-jdk/bin/java") + " is not an executable");
    }

    @Test
    void jvmWarningsGoToStandardErrorAndAClassDataArchiveSpeedsItUp() throws Exception {
        Path archive = dir.resolve("taskqueue-cli.jsa");
        // Dumping the archive warns about every class it cannot keep: on standard error, not in the JSON.
        Run dumping = run(Map.of("TASKQUEUE_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + archive), "--json", "--url",
                "memory:", "queue", "ls");
        assertThat(dumping.status()).as(dumping.toString()).isZero();
        assertThat(dumping.out().strip()).isEqualTo("[ ]");
        assertThat(dumping.err()).contains("[warning][cds");
        assertThat(archive).isRegularFile();

        Run archived = run(Map.of("TASKQUEUE_JAVA_OPTS", "-XX:SharedArchiveFile=" + archive), "--json", "--url",
                "memory:", "queue", "ls");
        assertThat(archived.status()).as(archived.toString()).isZero();
        assertThat(archived.out().strip()).isEqualTo("[ ]");
    }

    @Test
    void itsBashCompletionCompletesCommands() throws Exception {
        Run script = run("generate-completion");
        Path completion = Files.writeString(dir.resolve("taskqueue-completion.bash"), script.out());
        String probe = "source " + completion + "\n"
                + "COMP_WORDS=(taskqueue dl); COMP_CWORD=1; COMP_LINE='taskqueue dl'; COMP_POINT=12\n"
                + "_complete_taskqueue; echo \"${COMPREPLY[@]}\"\n";
        Run completed = exec(List.of("bash", "-c", probe), Map.of());
        assertThat(completed.status()).as(completed.toString()).isZero();
        assertThat(completed.out().strip()).isEqualTo("dlq");
        assertThat(new String(Files.readAllBytes(completion), StandardCharsets.UTF_8)).contains("--older-than");
    }
}
