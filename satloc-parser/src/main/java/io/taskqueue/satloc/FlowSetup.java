package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Flow setup record (type 140): wet or dry material and the rate units.
 *
 * @param epochMillis UTC time
 * @param dry true for dry (granular) material, false for liquid
 * @param units the unit of rates and of the material totals
 */
public record FlowSetup(long epochMillis, boolean dry, RateUnits units) implements LogRecord {

    /** Rejects null units. */
    public FlowSetup {
        Objects.requireNonNull(units, "units");
    }

    @Override
    public int typeId() {
        return RecordType.FLOW_SETUP.id();
    }
}
