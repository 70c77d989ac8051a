package io.taskqueue.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints results: aligned tables for people, or one JSON document for scripts (the shapes are
 * documented in docs/cli.md and are stable).
 */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints {@code value} as JSON with --json, else the table {@code table} makes of it. */
    public void print(Object value, Table table) {
        if (json) {
            json(value);
        } else {
            table.print(out);
        }
        out.flush();
    }

    /** Prints {@code value} as JSON with --json, else {@code line}. */
    public void print(Object value, String line) {
        if (json) {
            json(value);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new CliException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A table: headers and rows of text, printed with aligned columns. */
    public static final class Table {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();

        public Table(String... headers) {
            this.headers = List.of(headers);
        }

        /** Adds a row; {@code null} cells print as {@code -}. */
        public Table row(Object... cells) {
            List<String> row = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                row.add(cell == null ? "-" : String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        void print(PrintWriter out) {
            int[] widths = new int[headers.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = headers.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], c < row.size() ? row.get(c).length() : 0);
                }
            }
            line(out, headers, widths);
            for (List<String> row : rows) {
                line(out, row, widths);
            }
        }

        private static void line(PrintWriter out, List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = c < cells.size() ? cells.get(c) : "";
                line.append(cell);
                if (c < widths.length - 1) {
                    line.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
