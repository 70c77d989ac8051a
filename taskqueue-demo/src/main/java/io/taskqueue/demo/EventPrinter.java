package io.taskqueue.demo;

import io.taskqueue.QueueEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Prints queue events as a timeline, relative to when the demo started. */
final class EventPrinter {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Set<String> finished = new HashSet<>();

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
        if (event.jobId() != null && (event.event().equals("completed") || event.event().equals("failed"))) {
            finished.add(event.jobId());
            notifyAll();
        }
    }

    /** Waits until the final event of every job in {@code jobIds} was printed, at most {@code timeout}. */
    synchronized void awaitFinalEvents(Collection<String> jobIds, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!finished.containsAll(jobIds)) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void note(String text) {
        timestamped(">> " + text);
    }

    private void timestamped(String text) {
        out.printf("[%5d ms] %s%n", (System.nanoTime() - start) / 1_000_000, text);
    }
}
