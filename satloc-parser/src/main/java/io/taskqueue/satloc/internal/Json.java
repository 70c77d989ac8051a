package io.taskqueue.satloc.internal;

import java.util.Locale;

/** Minimal JSON writer for the CLI: objects, arrays, strings, numbers, booleans, null. Not a parser. */
public final class Json {

    private final StringBuilder b = new StringBuilder();
    private boolean needComma;
    private int depth;

    public Json begin() {
        sep();
        b.append('{');
        depth++;
        needComma = false;
        return this;
    }

    public Json end() {
        depth--;
        newline();
        b.append('}');
        needComma = true;
        return this;
    }

    public Json beginArray(String key) {
        key(key);
        b.append('[');
        needComma = false;
        return this;
    }

    public Json endArray() {
        b.append(']');
        needComma = true;
        return this;
    }

    public Json object(String key) {
        key(key);
        b.append('{');
        depth++;
        needComma = false;
        return this;
    }

    public Json field(String key, String value) {
        key(key);
        if (value == null) {
            b.append("null");
        } else {
            string(value);
        }
        needComma = true;
        return this;
    }

    /** Writes a number rounded to 3 decimals; NaN and infinities become null. */
    public Json field(String key, double value) {
        key(key);
        // Millimetre/millisecond precision is plenty for a report and keeps the output short.
        b.append(Double.isFinite(value) ? Double.toString(Math.round(value * 1000) / 1000.0) : "null");
        needComma = true;
        return this;
    }

    public Json field(String key, long value) {
        key(key);
        b.append(value);
        needComma = true;
        return this;
    }

    public Json value(long value) {
        if (needComma) {
            b.append(',');
        }
        b.append(value);
        needComma = true;
        return this;
    }

    private void key(String key) {
        sep();
        newline();
        string(key);
        b.append(": ");
    }

    private void sep() {
        if (needComma) {
            b.append(',');
        }
    }

    private void newline() {
        b.append('\n');
        b.append("  ".repeat(Math.max(0, depth)));
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
