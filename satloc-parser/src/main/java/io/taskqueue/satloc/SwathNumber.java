package io.taskqueue.satloc;

/**
 * Swath number record (type 20): the guidance system moved to a new swath.
 *
 * @param epochMillis UTC time
 * @param swath swath number, 0..65535
 * @param reversed true when the swath is flown B to A
 */
public record SwathNumber(long epochMillis, int swath, boolean reversed) implements LogRecord {

    @Override
    public int typeId() {
        return RecordType.SWATH_NUMBER.id();
    }
}
