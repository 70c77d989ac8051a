package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.cli.queue.KeyValues;
import io.taskqueue.cli.stats.QueueStats;
import io.taskqueue.cli.stats.StatsReport;
import io.taskqueue.cli.stats.Throughput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the stats table and labelled blocks are laid out, without a server. */
class StatsTableTest {
    @Test
    void columnsAlignAndUnknownsPrintAsDashes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("waiting", "prioritized", "delayed", "active", "waiting-children", "completed",
                "failed")) {
            counts.put(s, (long) s.length());
        }
        StatsReport report = new StatsReport(List.of(
                new QueueStats("emails", true, counts, 12, new Throughput(3, 120, 5000), new Throughput(0, 2, 7)),
                new QueueStats("a-much-longer-name", null, counts, null, null, null)));
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), false).print(report, report.table());
        assertThat(text.toString()).isEqualTo(String.join("\n",
                "QUEUE               PAUSED  WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED  DONE/MIN"
                        + "  DONE/HOUR  FAILED/MIN  FAILED/HOUR  WORKERS",
                "emails              yes     7        11           7        6       9          6       3         120"
                        + "        0           2            12",
                "a-much-longer-name  -       7        11           7        6       9          6       -         -"
                        + "          -           -            -",
                ""));
    }

    @Test
    void labelledBlocksAlignTheirValues() {
        assertThat(new KeyValues().add("Queue", "emails").add("Global concurrency", 5).add("Paused", null).toString())
                .isEqualTo("Queue:              emails\nGlobal concurrency: 5\nPaused:             -");
    }
}
