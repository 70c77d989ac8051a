package io.taskqueue.satloc;

import java.time.Instant;
import java.util.List;

/**
 * Statistics of one log, computed by {@link FlightStatisticsCalculator}. Definitions (project
 * choices, see {@code docs/satloc-format.md}): an interval between two consecutive valid fixes
 * takes the state of its first fix; flight time is the sum of airborne intervals; spray time the
 * sum of sprayed intervals; a non-spraying airborne stretch is turn time when it lies between two
 * sprays of the same flight, otherwise ferry time.
 *
 * @param positions position records seen, including those without a fix
 * @param firstFix time of the first position, {@code null} without positions
 * @param lastFix time of the last position, {@code null} without positions
 * @param flightTimeS airborne time in seconds
 * @param sprayTimeS spraying time in seconds
 * @param ferryTimeS airborne, not spraying, outside the spray block, in seconds
 * @param turnTimeS airborne, not spraying, between two sprays of one flight, in seconds
 * @param totalDistanceM track length, taxiing included, in metres
 * @param sprayedDistanceM track length while spraying, in metres
 * @param sprayedAreaHa sprayed length times swath width, in hectares (overlaps count twice)
 * @param coveredAreaHa union of the sprayed swaths, in hectares (overlaps count once)
 * @param overlapPercent share of the sprayed area that was sprayed again: (sprayed - covered) / sprayed x 100
 * @param materialApplied material from the flow monitor's running total, in {@link FlightMetadata#units()}
 * @param averageRate material per sprayed area unit of {@link FlightMetadata#units()}
 * @param sprayPasses number of times spraying switched on
 * @param swathNumbers distinct swath numbers of record 20, ascending
 * @param boundingBox extent of the valid fixes, {@code null} without fixes
 * @param maxSpeedMps highest ground speed reported
 * @param averageAirborneSpeedMps airborne distance / flight time
 * @param averageSpraySpeedMps sprayed distance / spray time
 * @param gpsGaps number of gaps longer than {@link StatisticsOptions#gpsGapS()} between valid fixes
 * @param gpsGapTimeS total duration of those gaps, in seconds
 * @param longestGpsGapS longest such gap, in seconds
 * @param metadata pilot, controller, material type, job
 */
public record FlightStatistics(long positions, Instant firstFix, Instant lastFix, double flightTimeS,
        double sprayTimeS, double ferryTimeS, double turnTimeS, double totalDistanceM, double sprayedDistanceM,
        double sprayedAreaHa, double coveredAreaHa, double overlapPercent, double materialApplied,
        double averageRate, int sprayPasses, List<Integer> swathNumbers, BoundingBox boundingBox,
        double maxSpeedMps, double averageAirborneSpeedMps, double averageSpraySpeedMps, int gpsGaps,
        double gpsGapTimeS, double longestGpsGapS, FlightMetadata metadata) {

    /** Copies the list. */
    public FlightStatistics {
        swathNumbers = List.copyOf(swathNumbers);
    }
}
