package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.cli.node.NodeBullmq;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A queue only Node BullMQ 6.7.0 uses: a Node producer adds a job, a Node worker fails it, the
 * command line lists, shows and retries it, and a Node worker then completes it.
 */
@ExtendWith(RedisExtension.class)
class NodeQueueJobsIT {
    private static final String NL = System.lineSeparator();

    @Test
    void theCommandLineRetriesAJobNodeFailedAndNodeCompletesIt(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = new HashMap<>(Map.of("url", server.uri().toString(), "prefix", prefix.value(),
                "queue", "invoices"));
        Map<String, Object> add = new HashMap<>(cfg);
        add.putAll(Map.of("name", "charge", "data", Map.of("invoice", "INV-7", "cents", 1250)));
        String id = NodeBullmq.run("jobs.js", "add", add).get("id").asText();

        Map<String, Object> failing = new HashMap<>(cfg);
        failing.putAll(Map.of("failNames", List.of("charge"), "count", 1));
        JsonNode failed = NodeBullmq.run("jobs.js", "work", failing).get("finished");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("outcome").asText()).isEqualTo("failed");

        String[] backend = {"--url", server.uri().toString(), "--prefix", prefix.value()};
        Cli.Result ls = Cli.create().run(concat(backend, "--json", "job", "ls", "invoices", "--state", "failed"));
        assertThat(ls.status()).as(ls.toString()).isZero();
        JsonNode page = JsonShapes.parse(ls.out());
        JsonShapes.assertMatches(page, "job ls");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode listed = page.get("jobs").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("name").asText()).isEqualTo("charge");
        assertThat(listed.get("attemptsMade").asInt()).isEqualTo(1);
        assertThat(listed.get("failedReason").asText()).isEqualTo("attempt 1 failed");

        Cli.Result show = Cli.create().run(concat(backend, "--json", "job", "show", "invoices", id));
        assertThat(show.status()).as(show.toString()).isZero();
        JsonNode shown = JsonShapes.parse(show.out());
        JsonShapes.assertMatches(shown, "job show", "$.data", "$.progress", "$.returnValue");
        assertThat(shown.get("state").asText()).isEqualTo("failed");
        assertThat(shown.get("data")).isEqualTo(JsonShapes.parse("{\"invoice\": \"INV-7\", \"cents\": 1250}"));
        assertThat(shown.get("failedReason").asText()).isEqualTo("attempt 1 failed");
        assertThat(shown.get("stacktrace")).hasSize(1);
        assertThat(shown.get("stacktrace").get(0).asText()).startsWith("Error: attempt 1 failed\n    at ");
        assertThat(shown.get("processedBy").asText()).isEqualTo("node-worker");

        Cli.Result retry = Cli.create().run(concat(backend, "job", "retry", "invoices", id));
        assertThat(retry.status()).as(retry.toString()).isZero();
        assertThat(retry.out()).isEqualTo("retried job " + id + " (was failed, now waiting)" + NL);

        Map<String, Object> completing = new HashMap<>(cfg);
        completing.put("count", 1);
        JsonNode completed = NodeBullmq.run("jobs.js", "work", completing).get("finished").get(0);
        assertThat(completed.get("outcome").asText()).isEqualTo("completed");

        Map<String, Object> read = new HashMap<>(cfg);
        read.put("id", id);
        JsonNode job = NodeBullmq.run("jobs.js", "job", read).get("job");
        assertThat(job.get("state").asText()).isEqualTo("completed");
        assertThat(job.get("attemptsMade").asInt()).isEqualTo(2);
        assertThat(job.get("returnvalue")).isEqualTo(JsonShapes.parse(
                "{\"echo\": {\"invoice\": \"INV-7\", \"cents\": 1250}, \"attempt\": 2}"));

        JsonNode after = JsonShapes.parse(Cli.create().run(concat(backend, "--json", "job", "show", "invoices", id)).out());
        assertThat(after.get("state").asText()).isEqualTo("completed");
        assertThat(after.get("returnValue")).isEqualTo(job.get("returnvalue"));
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
