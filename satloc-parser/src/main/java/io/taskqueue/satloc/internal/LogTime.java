package io.taskqueue.satloc.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The 8-byte timestamp: two-digit year, month, day, hour, minute, u16 milliseconds of the minute,
 * and the extended-year (century) byte added in format 3.43. Century 0 means a pre-3.43 writer:
 * years 80..99 are 19xx, 00..79 are 20xx. All fields are UTC (project assumption).
 *
 * <p>An instance caches the last decoded date because consecutive records share it; it is not
 * thread-safe and belongs to one decoder.
 */
public final class LogTime {

    /** Earliest and latest encodable instants (years 1900 to 2999). */
    public static final long MIN_MILLIS = LocalDate.of(1900, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    public static final long MAX_MILLIS =
            LocalDate.of(3000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private int cachedDateKey = -1;
    private long cachedDayMillis;

    /**
     * @return epoch millis, or {@link Long#MIN_VALUE} when a field is out of range
     */
    public long decode(byte[] b, int off) {
        int yy = b[off] & 0xFF;
        int month = b[off + 1] & 0xFF;
        int day = b[off + 2] & 0xFF;
        int hour = b[off + 3] & 0xFF;
        int minute = b[off + 4] & 0xFF;
        int msOfMinute = Bytes.u16(b, off + 5);
        int century = b[off + 7] & 0xFF;
        if (yy > 99 || hour > 23 || minute > 59 || msOfMinute > 59_999) {
            return Long.MIN_VALUE;
        }
        int year;
        if (century == 0) {
            year = yy >= 80 ? 1900 + yy : 2000 + yy;
        } else if (century >= 19 && century <= 29) {
            year = century * 100 + yy;
        } else {
            return Long.MIN_VALUE;
        }
        int key = (year << 9) | (month << 5) | day;
        if (key != cachedDateKey) {
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                return Long.MIN_VALUE;
            }
            try {
                cachedDayMillis = LocalDate.of(year, month, day).toEpochDay() * MILLIS_PER_DAY;
            } catch (DateTimeException e) {
                return Long.MIN_VALUE;
            }
            cachedDateKey = key;
        }
        return cachedDayMillis + hour * 3_600_000L + minute * 60_000L + msOfMinute;
    }

    /** Writes {@code epochMillis} at {@code off}; the caller checks the range first. */
    public static void encode(long epochMillis, byte[] b, int off) {
        if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("timestamp outside 1900..2999: " + epochMillis);
        }
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        b[off] = (byte) (t.getYear() % 100);
        b[off + 1] = (byte) t.getMonthValue();
        b[off + 2] = (byte) t.getDayOfMonth();
        b[off + 3] = (byte) t.getHour();
        b[off + 4] = (byte) t.getMinute();
        Bytes.putU16(b, off + 5, t.getSecond() * 1000 + millis);
        b[off + 7] = (byte) (t.getYear() / 100);
    }
}
