package io.taskqueue.cli.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * {@code job show} for people: the scalar fields aligned, then data, options, progress and result as
 * pretty-printed JSON, then failed reason, stack traces and logs in full.
 */
final class JobDetailsText {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final StringBuilder text = new StringBuilder();

    private JobDetailsText() {
    }

    static String of(JobDetails d) {
        JobDetailsText t = new JobDetailsText();
        t.text.append("job ").append(d.id()).append(" of queue ").append(d.queue()).append('\n');
        t.field("name", d.name());
        t.field("state", d.state());
        t.field("created", Texts.exactTime(d.timestamp()));
        t.field("delay", d.delayMillis() + " ms");
        t.field("priority", Integer.toString(d.priority()));
        t.field("processed on", Texts.exactTime(d.processedOn()));
        t.field("finished on", Texts.exactTime(d.finishedOn()));
        t.field("attempts", d.attemptsMade() + " made, " + d.attemptsStarted() + " started, "
                + d.options().attempts() + " allowed");
        t.field("stalled", d.stalledCounter() + " times");
        t.field("processed by", d.processedBy());
        t.field("parent", d.parentKey());
        t.field("deferred failure", d.deferredFailure());
        t.block("data", pretty(d.data()));
        t.block("options", pretty(d.options()));
        t.block("progress", d.progress() == null ? null : pretty(d.progress()));
        t.block("result", d.returnValue() == null ? null : pretty(d.returnValue()));
        t.block("failed reason", d.failedReason());
        t.list("stack traces, oldest first", d.stacktrace(), true);
        t.list("logs", d.logs(), false);
        return t.text.toString().stripTrailing();
    }

    private void field(String label, String value) {
        text.append("  ").append(String.format("%-17s", label)).append(value == null ? "-" : value).append('\n');
    }

    private void block(String label, String value) {
        if (value == null) {
            return;
        }
        text.append(label).append(":\n").append(indent(value)).append('\n');
    }

    /** Numbered items are multi-line (stack traces) and need a mark where each starts. */
    private void list(String label, List<String> items, boolean numbered) {
        text.append(label).append(" (").append(items.size()).append("):\n");
        for (int i = 0; i < items.size(); i++) {
            if (numbered) {
                text.append("  #").append(i + 1).append('\n');
            }
            text.append(indent(items.get(i))).append('\n');
        }
    }

    private static String indent(String value) {
        return value.stripTrailing().indent(2).stripTrailing();
    }

    private static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
