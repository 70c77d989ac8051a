package io.taskqueue.cli.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Backoff;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobScheduler;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.RedisCli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue scheduler ls | show | remove} on a real Redis. */
@ExtendWith(RedisExtension.class)
class SchedulerCommandsIT {
    @Test
    void listShowAndRemoveAfterConfirmation(RedisServer server, RedisTestPrefix prefix) {
        RedisCli cli = new RedisCli(server, prefix);
        try (TaskQueue tq = cli.taskQueue()) {
            JobQueue emails = tq.queue("emails");
            emails.schedulers().upsert("nightly", SchedulerSpec.cron("0 3 * * *").timeZone("Europe/Paris").build(),
                    "report", Map.of("k", 1), JobOptions.builder().attempts(3)
                            .backoff(Backoff.exponential(Duration.ofSeconds(2))).priority(4).build());
            emails.schedulers().upsert("often", SchedulerSpec.every(Duration.ofDays(1)).limit(10).build(), "ping",
                    null, null);
            JobScheduler nightly = emails.schedulers().get("nightly").orElseThrow();
            JobScheduler often = emails.schedulers().get("often").orElseThrow();
            String nightlyNext = Instant.ofEpochMilli(nightly.next()).toString();
            String oftenNext = Instant.ofEpochMilli(often.next()).toString();
            boolean oftenFirst = often.next() <= nightly.next();

            Cli.Result ls = cli.run("scheduler", "ls", "emails");
            assertThat(ls.status()).as(ls.toString()).isZero();
            int next = Math.max(nightlyNext.length(), oftenNext.length()) + 2;
            String nightlyRow = "nightly  report  cron 0 3 * * * (Europe/Paris)  " + pad(nightlyNext, next) + "1           -";
            String oftenRow = "often    ping    every 1d                       " + pad(oftenNext, next) + "1           10";
            assertThat(ls.out()).isEqualTo("ID       JOB     SCHEDULE                       " + pad("NEXT", next)
                    + "ITERATIONS  LIMIT\n" + (oftenFirst ? oftenRow + "\n" + nightlyRow : nightlyRow + "\n" + oftenRow)
                    + "\n");

            Cli.Result show = cli.run("scheduler", "show", "emails", "nightly");
            assertThat(show.status()).as(show.toString()).isZero();
            assertThat(show.out()).isEqualTo("""
                    Scheduler:  nightly
                    Queue:      emails
                    Schedule:   cron 0 3 * * * (Europe/Paris)
                    Limit:      none
                    Start:      -
                    End:        -
                    Next:       %s
                    Iterations: 1
                    Job:        report
                    Data:       {"k":1}
                    Attempts:   3
                    Priority:   4
                    Backoff:    exponential 2s
                    """.formatted(nightlyNext));
            JsonNode json = RedisCli.json(cli.run("--json", "scheduler", "show", "emails", "often"));
            assertThat(json.toString()).isEqualTo("{\"id\":\"often\",\"everyMillis\":86400000,\"pattern\":null,"
                    + "\"timeZone\":null,\"limit\":10,\"startDate\":null,\"endDate\":null,\"next\":\"" + oftenNext
                    + "\",\"iterations\":1,\"template\":{\"name\":\"ping\",\"data\":{},\"attempts\":1,\"priority\":0,"
                    + "\"backoff\":null}}");
            assertThat(RedisCli.json(cli.run("--json", "scheduler", "ls", "emails"))).hasSize(2);

            Cli.Result unknown = cli.run("scheduler", "show", "emails", "weekly");
            assertThat(unknown.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(unknown.err().strip()).isEqualTo("taskqueue: queue emails has no job scheduler 'weekly'"
                    + " (taskqueue scheduler ls emails lists them)");

            String what = "remove job scheduler nightly of queue emails (cron 0 3 * * * (Europe/Paris), 1 jobs produced)";
            Cli.Result refused = cli.run("scheduler", "remove", "emails", "nightly");
            assertThat(refused.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(refused.err().strip())
                    .isEqualTo("taskqueue: refusing to " + what + " without a terminal to confirm it: pass --yes");
            Cli.Result no = cli.atTerminal("no\n", "scheduler", "remove", "emails", "nightly");
            assertThat(no.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(no.err().strip()).isEqualTo("taskqueue: cancelled: did not " + what);
            assertThat(emails.schedulers().get("nightly")).isPresent();
            Cli.Result yes = cli.atTerminal("y\n", "scheduler", "remove", "emails", "nightly");
            assertThat(yes.status()).as(yes.toString()).isZero();
            assertThat(yes.out()).isEqualTo("About to " + what + ". Continue? [y/N] "
                    + "removed job scheduler nightly of queue emails\n");
            assertThat(emails.schedulers().get("nightly")).isEmpty();
            assertThat(emails.schedulers().get("often")).isPresent();
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
