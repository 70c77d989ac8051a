package io.taskqueue.cli.queue;

import java.util.ArrayList;
import java.util.List;

/** A block of labelled lines with the values aligned, for commands that show one thing in detail. */
public final class KeyValues {
    private final List<String[]> lines = new ArrayList<>();

    /** Adds a line; a {@code null} value prints as {@code -}. */
    public KeyValues add(String label, Object value) {
        lines.add(new String[] {label, value == null ? "-" : String.valueOf(value)});
        return this;
    }

    /** The block, one line per label, values starting in one column; no trailing newline. */
    @Override
    public String toString() {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line[0]).append(':').append(" ".repeat(width - line[0].length() - 1)).append(line[1]);
        }
        return out.toString();
    }
}
