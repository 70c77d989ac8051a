package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.JobRequest;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.Cli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One test's Redis keys seen two ways: through a {@link TaskQueue} that sets the scene, and through
 * the command line run in-process with {@code --url} and {@code --prefix}.
 */
final class JobFixture implements AutoCloseable {
    private final RedisServer server;
    private final RedisTestPrefix prefix;
    private final TaskQueue taskQueue;

    JobFixture(RedisServer server, RedisTestPrefix prefix) {
        this(server, prefix, Clock.systemUTC());
    }

    JobFixture(RedisServer server, RedisTestPrefix prefix, Clock clock) {
        this.server = server;
        this.prefix = prefix;
        this.taskQueue = TaskQueue.builder().backend(server.uri() + "?prefix=" + prefix.value()).clock(clock).build();
    }

    TaskQueue taskQueue() {
        return taskQueue;
    }

    JobQueue queue(String name) {
        return taskQueue.queue(name);
    }

    /** Runs {@code taskqueue --url ... --prefix ... args} without a terminal. */
    Cli.Result cli(String... args) {
        return Cli.create().run(withBackend(args));
    }

    /** Runs the command line as if a person at a terminal typed {@code input}. */
    Cli.Result cliAtTerminal(String input, String... args) {
        return Cli.create().atTerminal(input).run(withBackend(args));
    }

    private String[] withBackend(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.uri().toString(), "--prefix", prefix.value()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /**
     * Adds {@code count} jobs named by {@code names} (index from 0) with data {@code {"i": index}}, in
     * order: the i-th job gets the i-th position in its state.
     */
    List<String> add(JobQueue queue, int count, IntFunction<String> names) {
        List<String> ids = new ArrayList<>(count);
        // The first add goes alone: on a server that has not loaded the add script yet, the adds of a
        // bulk are retried one by one after the load and may land out of order.
        ids.add(queue.add(names.apply(0), java.util.Map.of("i", 0)));
        for (int from = 1; from < count; from += 1_000) {
            List<JobRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1_000); i++) {
                batch.add(new JobRequest(names.apply(i), java.util.Map.of("i", i), null));
            }
            ids.addAll(queue.addBulk(batch));
        }
        return ids;
    }

    /** A raw connection, for what only a worker or a broken store would do (e.g. hold a job's lock). */
    RespClient redis() {
        return server.client();
    }

    /** The Redis key {@code <prefix>:<queue>:<suffix>}. */
    String key(String queue, String suffix) {
        return prefix.key(queue + ":" + suffix);
    }

    @Override
    public void close() {
        taskQueue.close();
    }
}
