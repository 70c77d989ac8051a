package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Read-only use on Redis: every read command works for a user with only the ACL of docs/cli.md,
 * and {@code --read-only} stops every write command before a write reaches the server.
 */
@ExtendWith(RedisExtension.class)
class ReadOnlyIT {
    /** The ACL docs/cli.md gives read-only users, after the key pattern. */
    static final List<String> READ_ONLY_ACL = List.of("resetchannels", "-@all", "+@read", "+info", "+evalsha",
            "+script|load", "+client|list");

    private final String user = "tq-ro-" + UUID.randomUUID().toString().substring(0, 8);
    private RedisServer server;
    private RedisTestPrefix prefix;
    private TaskQueue taskQueue;
    private String jobId;

    @BeforeEach
    void setUp(RedisServer server, RedisTestPrefix prefix) {
        this.server = server;
        this.prefix = prefix;
        this.taskQueue = new RedisCli(server, prefix).taskQueue();
        JobQueue emails = taskQueue.queue("emails");
        jobId = emails.add("send", Map.of());
        emails.schedulers().upsert("nightly", SchedulerSpec.cron("0 3 * * *").build(), "report", Map.of(), null);
        emails.limits().setGlobalConcurrency(3);
        emails.pause();
        taskQueue.worker("emails").handlers(Handlers.builder().on("other", ctx -> null).build())
                .options(WorkerOptions.builder().name("mailer-1").build()).build().start();
        await().atMost(Duration.ofSeconds(20)).until(() -> emails.workers().size() == 1);
        try (RespClient redis = server.client()) {
            List<String> acl = new ArrayList<>(List.of("ACL", "SETUSER", user, "reset", "on", ">ro-secret",
                    "~" + prefix.value() + ":*"));
            acl.addAll(READ_ONLY_ACL);
            redis.call(acl.toArray(String[]::new));
            redis.call("ACL", "LOG", "RESET");
            // Scripts are loaded afresh, as on a server that restarted: SCRIPT LOAD is part of reading.
            redis.call("SCRIPT", "FLUSH");
        }
    }

    @AfterEach
    void tearDown() {
        taskQueue.close();
        try (RespClient redis = server.client()) {
            redis.call("ACL", "DELUSER", user);
        }
    }

    private Cli.Result asReadOnlyUser(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", "redis://" + user + ":ro-secret@" + server.host() + ":"
                + server.port(), "--prefix", prefix.value()));
        all.addAll(List.of(args));
        return Cli.create().run(all.toArray(String[]::new));
    }

    @Test
    void everyReadCommandWorksForAUserWhoMayOnlyRead() {
        String[][] reads = {{"stats"}, {"--json", "stats"}, {"queue", "ls"}, {"queue", "inspect", "emails"},
            {"--json", "queue", "inspect", "emails"}, {"workers", "ls"}, {"workers", "ls", "emails"},
            {"scheduler", "ls", "emails"}, {"scheduler", "show", "emails", "nightly"},
            {"job", "ls", "emails", "--state", "waiting"}, {"--json", "job", "ls", "emails", "--state", "waiting"},
            {"job", "show", "emails", jobId}, {"--json", "job", "show", "emails", jobId},
            {"job", "remove", "emails", "--state", "waiting", "--dry-run"}};
        for (String[] args : reads) {
            Cli.Result r = asReadOnlyUser(args);
            assertThat(r.status()).as(String.join(" ", args) + "\n" + r).isZero();
            assertThat(r.err()).as(String.join(" ", args)).isEmpty();
        }
        assertThat(asReadOnlyUser("workers", "ls").out()).contains("emails  mailer-1");
        assertThat(asReadOnlyUser("stats").out()).contains("\nemails  yes     1");
        try (RespClient redis = server.client()) {
            assertThat((List<?>) redis.call("ACL", "LOG")).as("commands the server refused").isEmpty();
        }

        // The ACL does refuse writes: without --read-only a write command gets as far as the server.
        Cli.Result write = asReadOnlyUser("--yes", "queue", "pause", "emails");
        assertThat(write.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(write.err()).contains("NOPERM");
    }

    @Test
    void aWrongPasswordIsOneLineThatSaysSoWithoutThePassword() {
        Cli.Result r = Cli.create().run("--url", "redis://" + user + ":not-the-secret@" + server.host() + ":"
                + server.port(), "--prefix", prefix.value(), "queue", "ls");
        assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("taskqueue: ").contains("redis://" + user + ":***@")
                .containsIgnoringCase("password").doesNotContain("not-the-secret");
        Cli.Result fromEnv = Cli.create().env(CliContext.PASSWORD_VARIABLE, "not-the-secret").run("--url",
                "redis://" + user + "@" + server.host() + ":" + server.port(), "--prefix", prefix.value(), "queue", "ls");
        assertThat(fromEnv.status()).as(fromEnv.toString()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(fromEnv.err()).containsIgnoringCase("password").doesNotContain("not-the-secret");
    }

    @Test
    void readOnlyWriteCommandsSendNoWrite() {
        String[][] writes = {{"queue", "pause", "emails"}, {"queue", "resume", "emails"},
            {"queue", "drain", "emails", "--delayed"}, {"queue", "clean", "emails", "--state", "completed", "--grace", "0s"},
            {"queue", "obliterate", "emails", "--force"}, {"scheduler", "remove", "emails", "nightly"},
            {"job", "add", "emails", "send", "--data", "{}"}, {"job", "retry", "emails", jobId},
            {"job", "cancel", "emails", jobId}, {"job", "promote", "emails", jobId}, {"job", "remove", "emails", jobId},
            {"job", "retry", "emails", "--state", "failed"}, {"job", "remove", "emails", "--state", "waiting"}};
        RedisCli cli = new RedisCli(server, prefix);
        Map<String, Long> before;
        Set<String> writeCommands;
        try (RespClient redis = server.client()) {
            writeCommands = new HashSet<>();
            // Every command the server flags "write" (COMMAND works on every supported version).
            for (Object command : (List<?>) redis.call("COMMAND")) {
                List<?> info = (List<?>) command;
                if (((List<?>) info.get(2)).contains("write")) {
                    writeCommands.add(String.valueOf(info.get(0)));
                }
            }
            writeCommands.addAll(List.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro", "script|load"));
            before = commandCalls(redis);
        }
        for (String[] args : writes) {
            List<String> all = new ArrayList<>(List.of("--read-only", "--yes"));
            all.addAll(List.of(args));
            Cli.Result r = cli.run(all.toArray(String[]::new));
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err()).startsWith("taskqueue: read-only: refusing to ");
        }
        try (RespClient redis = server.client()) {
            Map<String, Long> after = commandCalls(redis);
            Map<String, Long> written = new HashMap<>();
            after.forEach((command, calls) -> {
                long delta = calls - before.getOrDefault(command, 0L);
                if (delta > 0 && writeCommands.contains(command)) {
                    written.put(command, delta);
                }
            });
            assertThat(written).as("write commands and scripts that reached the server").isEmpty();
        }
    }

    /** Calls per command since the server started ({@code INFO commandstats}). */
    private static Map<String, Long> commandCalls(RespClient redis) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(command, Long.parseLong(rest.substring(0, rest.indexOf(','))));
            }
        }
        return calls;
    }
}
