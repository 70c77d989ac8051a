package io.taskqueue.cli.tracker;

import io.taskqueue.cli.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time: a duration back from now ({@code 24h}, {@code 7d}), an instant
 * ({@code 2025-06-03T13:00:00Z}) or a date, meaning its start in UTC ({@code 2025-06-03}).
 */
public final class SinceConverter implements ITypeConverter<Since> {
    @Override
    public Since convert(String value) {
        String v = value.strip();
        try {
            return new Since(Instant.parse(v), null);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new Since(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
            } catch (DateTimeParseException notADate) {
                try {
                    return new Since(null, Durations.parse(v));
                } catch (TypeConversionException notADuration) {
                    throw new TypeConversionException("'" + value + "' is not a time: use a duration back from now"
                            + " (24h, 7d), an instant (2025-06-03T13:00:00Z) or a date (2025-06-03)");
                }
            }
        }
    }
}
