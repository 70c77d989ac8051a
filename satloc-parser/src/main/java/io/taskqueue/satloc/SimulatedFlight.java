package io.taskqueue.satloc;

import java.util.List;

/**
 * An in-memory simulated flight.
 *
 * @param records every record in log order, values already on the format's grid
 * @param truth what was flown
 * @param field the field boundary (closed ring not repeated), WGS84
 */
public record SimulatedFlight(List<LogRecord> records, GroundTruth truth, List<GeoPoint> field) {

    /** Copies the lists. */
    public SimulatedFlight {
        records = List.copyOf(records);
        field = List.copyOf(field);
    }
}
