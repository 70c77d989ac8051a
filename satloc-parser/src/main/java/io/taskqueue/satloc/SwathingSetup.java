package io.taskqueue.satloc;

/**
 * Swathing setup record (type 120): the swath width used for area statistics.
 *
 * @param epochMillis UTC time
 * @param swathWidthM swath width in metres, 0.001 resolution, must be positive
 * @param pattern guidance pattern code (0 back-and-forth, 1 racetrack, others reserved)
 */
public record SwathingSetup(long epochMillis, double swathWidthM, int pattern) implements LogRecord {

    /** Rejects a width that is not a positive finite number. */
    public SwathingSetup {
        if (!(swathWidthM > 0) || Double.isInfinite(swathWidthM)) {
            throw new IllegalArgumentException("swathWidthM must be positive: " + swathWidthM);
        }
    }

    @Override
    public int typeId() {
        return RecordType.SWATHING_SETUP.id();
    }
}
