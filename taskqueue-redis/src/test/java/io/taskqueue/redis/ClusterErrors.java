package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every cluster node's error and command statistics, so cluster tests can show that no command
 * was refused for spanning slots: {@code CROSSSLOT} (keys of one command in several slots), and
 * scripts that failed, as a script touching a key outside its slot does ("non local key", "do not
 * hash to the same slot"). Neither our scripts nor BullMQ's fail on a correct key layout; the only
 * expected script errors are {@code NOSCRIPT} replies before a script is loaded on a node.
 */
public final class ClusterErrors {
    private static final Pattern FAILED = Pattern.compile("^cmdstat_(?:eval|evalsha|eval_ro|evalsha_ro):.*failed_calls=(\\d+)");
    private static final Pattern NOSCRIPT = Pattern.compile("^errorstat_NOSCRIPT:count=(\\d+)");

    private ClusterErrors() {
    }

    /** A node's address and its {@code INFO errorstats} and {@code INFO commandstats} lines. */
    public record NodeStats(String address, List<String> errorStats, List<String> commandStats) {
        long sum(Pattern pattern, List<String> lines) {
            long total = 0;
            for (String line : lines) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    total += Long.parseLong(m.group(1));
                }
            }
            return total;
        }

        /** Script calls that failed for another reason than NOSCRIPT. */
        long failedScripts() {
            return sum(FAILED, commandStats) - sum(NOSCRIPT, errorStats);
        }
    }

    /** The statistics of every node of the cluster. */
    public static List<NodeStats> stats(RedisServer cluster) {
        List<NodeStats> out = new ArrayList<>();
        try (RespClient any = cluster.client()) {
            for (String line : ((String) any.call("CLUSTER", "NODES")).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String address = line.split(" ")[1];
                String hostPort = address.indexOf('@') < 0 ? address : address.substring(0, address.indexOf('@'));
                int colon = hostPort.lastIndexOf(':');
                String host = colon == 0 ? cluster.host() : hostPort.substring(0, colon);
                try (RespClient node = RespClient.connect(host, Integer.parseInt(hostPort.substring(colon + 1)), null,
                        null, 0)) {
                    out.add(new NodeStats(hostPort, lines(node.info("errorstats")), lines(node.info("commandstats"))));
                }
            }
        }
        return out;
    }

    private static List<String> lines(String info) {
        return info.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** Fails when any node counted a CROSSSLOT error. */
    public static void assertNoCrossSlot(RedisServer cluster) {
        for (NodeStats node : stats(cluster)) {
            assertThat(node.errorStats()).as("errors counted by " + node.address())
                    .noneMatch(s -> s.startsWith("errorstat_CROSSSLOT"));
        }
    }

    /** Fails when a script failed on any node since the cluster started, other than with NOSCRIPT. */
    public static void assertNoFailedScripts(RedisServer cluster) {
        for (NodeStats node : stats(cluster)) {
            assertThat(node.failedScripts()).as("failed scripts on " + node.address() + ": " + node.errorStats() + " "
                    + node.commandStats().stream().filter(s -> s.startsWith("cmdstat_eval")).toList()).isZero();
        }
    }
}
