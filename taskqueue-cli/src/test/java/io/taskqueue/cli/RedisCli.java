package io.taskqueue.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line on the test Redis under the test's prefix, and a task queue there to set up
 * what the commands read.
 *
 * @param server the test server
 * @param prefix the test's key prefix
 */
public record RedisCli(RedisServer server, RedisTestPrefix prefix) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args} without a terminal. */
    public Cli.Result run(String... args) {
        return run(Cli.create(), args);
    }

    /** Runs {@code args} as if a person at a terminal typed {@code input}. */
    public Cli.Result atTerminal(String input, String... args) {
        return run(Cli.create().atTerminal(input), args);
    }

    /** Runs {@code args} on {@code cli}, with this server and prefix. */
    public Cli.Result run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.uri().toString(), "--prefix", prefix.value()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    /** A task queue on the same keys, to set things up; the caller closes it. */
    public TaskQueue taskQueue() {
        return TaskQueue.open(server.uri() + "?prefix=" + prefix.value());
    }

    /** The JSON a successful run printed. */
    public static JsonNode json(Cli.Result result) {
        if (result.status() != 0) {
            throw new AssertionError("the command failed: " + result);
        }
        try {
            return JSON.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + result.out(), e);
        }
    }

    /**
     * Waits until at least 15 s remain in the current UTC minute, so that what a test sets up "this
     * minute" is still this minute when the command reads it.
     */
    public static void awayFromTheEndOfAMinute() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() % 60 < 45);
    }
}
