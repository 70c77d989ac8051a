package io.taskqueue.cli.dlq;

import io.taskqueue.postgres.DeadLetterPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the next page of {@code dlq ls} starts: the tracker's keyset position (failure time and row
 * id, stable while entries come and go) plus the listing position of the next entry, so that every
 * page numbers its rows as {@code dlq replay --range} counts them. Written
 * {@code <position>/<failedAt>/<id>}, e.g. {@code 50/2025-06-03T13:00:00.123456Z/4711}; scripts
 * pass it back as they got it.
 *
 * @param position the 0-based position of the first entry of the next page
 * @param keyset the tracker's cursor
 */
public record DlqCursor(long position, DeadLetterPage.Cursor keyset) {
    @Override
    public String toString() {
        return position + "/" + keyset.failedAt() + "/" + keyset.id();
    }

    /** Parses a cursor printed by {@code dlq ls}. */
    public static final class Converter implements ITypeConverter<DlqCursor> {
        @Override
        public DlqCursor convert(String value) {
            String[] parts = value.split("/", 3);
            try {
                if (parts.length == 3) {
                    return new DlqCursor(Long.parseLong(parts[0]),
                            new DeadLetterPage.Cursor(Instant.parse(parts[1]), Long.parseLong(parts[2])));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // falls through to the usage error
            }
            throw new TypeConversionException("'" + value + "' is not a cursor printed by dlq ls");
        }
    }
}
