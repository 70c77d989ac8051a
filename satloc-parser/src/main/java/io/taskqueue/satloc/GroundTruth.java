package io.taskqueue.satloc;

import java.util.List;

/**
 * What the {@link FlightSimulator} actually flew, computed from its exact trajectory (before GPS
 * noise and quantisation), with the same definitions as {@link FlightStatistics}.
 *
 * @param records records emitted
 * @param positions position records emitted
 * @param flightTimeS airborne time
 * @param sprayTimeS spraying time
 * @param ferryTimeS ferry time
 * @param turnTimeS turn time
 * @param totalDistanceM trajectory length, taxiing included
 * @param sprayedDistanceM length of the spray passes
 * @param sprayedAreaHa sprayed length times swath width
 * @param coveredAreaHa exact union of the pass rectangles
 * @param materialApplied litres applied
 * @param sprayPasses number of spray passes
 * @param swathNumbers distinct swath numbers flown
 * @param gpsGaps inserted GPS outages
 * @param gpsGapTimeS their configured total duration
 * @param fieldAreaHa area of the field polygon
 */
public record GroundTruth(long records, long positions, double flightTimeS, double sprayTimeS, double ferryTimeS,
        double turnTimeS, double totalDistanceM, double sprayedDistanceM, double sprayedAreaHa,
        double coveredAreaHa, double materialApplied, int sprayPasses, List<Integer> swathNumbers, int gpsGaps,
        double gpsGapTimeS, double fieldAreaHa) {

    /** Copies the list. */
    public GroundTruth {
        swathNumbers = List.copyOf(swathNumbers);
    }
}
