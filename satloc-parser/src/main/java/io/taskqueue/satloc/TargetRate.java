package io.taskqueue.satloc;

/**
 * Target application rate record (type 32, TARGET_APPLICATION_RATES).
 *
 * @param epochMillis UTC time
 * @param channel product channel, 0..255
 * @param rate material units per area unit, 0.001 resolution
 */
public record TargetRate(long epochMillis, int channel, double rate) implements LogRecord {

    @Override
    public int typeId() {
        return RecordType.TARGET_APPLICATION_RATES.id();
    }
}
