package io.taskqueue.demo;

import io.taskqueue.QueueEvent;
import java.io.PrintStream;

/** Prints queue events as a timeline, relative to when the demo started. */
final class EventPrinter {
    private final PrintStream out;
    private final long start = System.nanoTime();

    EventPrinter(PrintStream out) {
        this.out = out;
    }

    synchronized void print(QueueEvent event) {
        StringBuilder line = new StringBuilder(String.format("%-17s", event.event()));
        if (event.jobId() != null) {
            line.append(" job ").append(event.jobId());
        }
        event.fields().forEach((key, value) -> {
            if (!key.equals("jobId")) {
                line.append("  ").append(key).append('=').append(value);
            }
        });
        timestamped(line.toString());
    }

    synchronized void note(String text) {
        timestamped(">> " + text);
    }

    private void timestamped(String text) {
        out.printf("[%5d ms] %s%n", (System.nanoTime() - start) / 1_000_000, text);
    }
}
