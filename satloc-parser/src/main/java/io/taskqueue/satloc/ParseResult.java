package io.taskqueue.satloc;

import java.util.List;

/**
 * All records of a small input collected in memory, with the parse summary. For large files prefer
 * {@link SatlocParser#parse(java.nio.file.Path, RecordHandler)}, which streams.
 *
 * @param records accepted records in input order
 * @param summary counts, rejections and skips
 */
public record ParseResult(List<LogRecord> records, ParseSummary summary) {

    /** Copies the list. */
    public ParseResult {
        records = List.copyOf(records);
    }
}
