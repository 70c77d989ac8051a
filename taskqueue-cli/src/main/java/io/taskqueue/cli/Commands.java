package io.taskqueue.cli;

import io.taskqueue.JobState;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from the command line it runs in. */
public final class Commands {
    private Commands() {
    }

    /** The context of the run {@code spec}'s command belongs to. */
    public static CliContext context(CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).context();
    }

    /** Counts keyed by the states' wire names ({@code waiting}, {@code active}, ...), in state order. */
    public static Map<String, Long> byWireName(Map<JobState, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey().wireName(), e.getValue()));
        return out;
    }
}
