package io.taskqueue.satloc;

import java.util.Objects;

/**
 * ASCII marker record (type 60): a point the pilot marked.
 *
 * @param epochMillis UTC time
 * @param latitude WGS84 degrees, 1e-7 resolution
 * @param longitude WGS84 degrees, 1e-7 resolution
 * @param markType marker type code, 0..255 (131 start mark, 132 end mark per revision 3.48)
 * @param text ASCII text, at most 255 characters
 */
public record Marker(long epochMillis, double latitude, double longitude, int markType, String text)
        implements LogRecord {

    /** Rejects a null text. */
    public Marker {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int typeId() {
        return RecordType.MARKER_ASCII.id();
    }
}
