package io.taskqueue.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** The {@code stacktrace} list kept on a job across attempts, trimmed like BullMQ's. */
public final class Stacktraces {
    private Stacktraces() {
    }

    /** {@code previous} plus the trace of {@code error}, keeping the last {@code limit} (null: all). */
    public static List<String> append(List<String> previous, Throwable error, Integer limit) {
        List<String> all = new ArrayList<>(previous);
        if (error != null) {
            all.add(render(error));
        }
        if (limit != null && all.size() > limit) {
            return List.copyOf(all.subList(all.size() - limit, all.size()));
        }
        return all;
    }

    /** The full stack trace text of {@code error}. */
    public static String render(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString().stripTrailing();
    }

    /** The message stored as {@code failedReason}: the exception's message, else its class name. */
    public static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getName() : message;
    }
}
