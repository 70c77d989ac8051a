package io.taskqueue.satloc;

/**
 * Descriptive fields of a log; each is {@code null} when the log lacks its source record.
 *
 * @param pilot pilot name from record 100
 * @param aircraft aircraft from record 100
 * @param controller flow controller name from record 46
 * @param materialType "dry" or "wet" from record 140
 * @param units rate units from record 140
 * @param jobId job number from record 152
 * @param jobName job name from record 152
 */
public record FlightMetadata(String pilot, String aircraft, String controller, String materialType,
        RateUnits units, String jobId, String jobName) {
}
