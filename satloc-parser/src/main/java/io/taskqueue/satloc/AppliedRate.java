package io.taskqueue.satloc;

/**
 * Applied rate record (type 36, APPLIED_RATES in the AgMission parser; the revision history calls
 * id 36 "Section Geometry", see {@link RecordType#documentConflict()}).
 *
 * @param epochMillis UTC time
 * @param channel product channel, 0..255
 * @param rate material units per area unit, 0.001 resolution
 */
public record AppliedRate(long epochMillis, int channel, double rate) implements LogRecord {

    @Override
    public int typeId() {
        return RecordType.APPLIED_RATES.id();
    }
}
