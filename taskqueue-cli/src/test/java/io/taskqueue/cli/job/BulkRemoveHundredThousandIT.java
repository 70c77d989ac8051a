package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobQueue;
import io.taskqueue.JobRequest;
import io.taskqueue.JobState;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code job remove QUEUE --state waiting --yes} over 100,000 jobs of about 1 KB each, run as the
 * launcher runs it: a separate JVM with a 64 MB heap (all the jobs at once would need well over
 * 100 MB) under a pseudo-terminal made by {@code script}, so that {@code System.console()} is there
 * and the progress bar is drawn. Writes the time and the peak heap (from the GC log) to
 * {@code target/bulk-remove-100k.txt}.
 */
@ExtendWith(RedisExtension.class)
class BulkRemoveHundredThousandIT {
    private static final int JOBS = 100_000;
    private static final String BODY = "x".repeat(1_000);
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void removesEveryJobInBoundedMemoryWithAProgressBar(RedisServer server, RedisTestPrefix prefix) throws Exception {
        requireScript();
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("big");
            long addStart = System.nanoTime();
            addJobs(queue);
            long addMillis = (System.nanoTime() - addStart) / 1_000_000;
            assertThat(queue.counts(JobState.WAITING)).containsEntry(JobState.WAITING, (long) JOBS);

            Path gcLog = TARGET.resolve("bulk-remove-100k-gc.log");
            Files.deleteIfExists(gcLog);
            String command = "\"$TQ_JAVA\" -Xmx64m -Xlog:gc:file=" + gcLog + " -cp \"$TQ_CP\" io.taskqueue.cli.TaskqueueCli"
                    + " --url " + server.uri() + " --prefix " + prefix.value() + " job remove big --state waiting --yes";
            ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().put("TQ_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            builder.environment().put("TQ_CP", classPath());
            long start = System.nanoTime();
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            // stdin stays open: script passes an end of input on to the command as a hang-up
            boolean ended = process.waitFor(15, TimeUnit.MINUTES);
            long runMillis = (System.nanoTime() - start) / 1_000_000;
            if (!ended) {
                process.destroyForcibly();
            }
            String out = output.get(1, TimeUnit.MINUTES);
            assertThat(ended).as("ended within 15 minutes; printed:\n" + out).isTrue();
            assertThat(process.exitValue()).as(out).isZero();

            assertThat(out).containsPattern("removing\\s+\\d{1,3}%").contains("100%").contains("100000/100000");
            assertThat(out).contains("removed 100,000 of 100,000 waiting jobs of queue big");
            assertThat(queue.counts(JobState.WAITING)).containsEntry(JobState.WAITING, 0L);
            assertThat(jobKeysLeft(f, prefix)).isZero();

            long peak = peakHeapMegabytes(gcLog);
            String report = "added " + JOBS + " jobs in " + addMillis + " ms; removed them in " + runMillis
                    + " ms (whole JVM run); peak heap before a GC " + peak + " MB of 64 MB";
            Files.writeString(TARGET.resolve("bulk-remove-100k.txt"), report + "\n");
            System.out.println(report);
            assertThat(peak).isLessThanOrEqualTo(64);
        }
    }

    private static void requireScript() {
        try {
            Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("script --version failed");
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("This test runs the command line under a pseudo-terminal with 'script' (util-linux),"
                    + " which could not be run (" + e.getMessage() + "). Install it, e.g. 'apt-get install bsdutils'.", e);
        }
    }

    /** 100,000 jobs of about 1 KB, 1,000 per round trip. */
    private static void addJobs(JobQueue queue) {
        queue.add("bulk", Map.of("i", -1, "body", BODY));  // loads the add script before the bulk adds
        for (int from = 0; from < JOBS - 1; from += 1_000) {
            List<JobRequest> batch = new ArrayList<>(1_000);
            for (int i = from; i < Math.min(JOBS - 1, from + 1_000); i++) {
                batch.add(new JobRequest("bulk", Map.of("i", i, "body", BODY), null));
            }
            queue.addBulk(batch);
        }
    }

    /**
     * The test JVM's class path: this module's classes and its test-scoped dependencies, a superset
     * of what the launcher ships, so the separate JVM runs the same code the in-process tests run.
     */
    private static String classPath() {
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath.split(File.pathSeparator)).as("the test class path").anyMatch(
                entry -> entry.contains("taskqueue-cli"));
        return classPath;
    }

    /** Job hashes (and their lock and log keys) still under the queue: keys {@code P:big:<digits>...}. */
    private static long jobKeysLeft(JobFixture f, RedisTestPrefix prefix) {
        long left = 0;
        try (RespClient redis = f.redis()) {
            String cursor = "0";
            do {
                List<?> scan = (List<?>) redis.call("SCAN", cursor, "MATCH", prefix.value() + ":big:[0-9]*", "COUNT",
                        "10000");
                cursor = (String) scan.get(0);
                left += ((List<?>) scan.get(1)).size();
            } while (!"0".equals(cursor));
        }
        return left;
    }

    /** The largest heap in use before any GC of the run, in MB, from {@code -Xlog:gc} lines like {@code 40M->9M(64M)}. */
    private static long peakHeapMegabytes(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        assertThat(peak).as("heap sizes in " + gcLog).isPositive();
        return peak;
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
