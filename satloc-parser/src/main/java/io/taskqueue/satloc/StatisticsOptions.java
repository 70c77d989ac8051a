package io.taskqueue.satloc;

/**
 * Thresholds of the statistics. All are project choices; the public sources do not define them.
 *
 * @param airborneSpeedMps a fix at or above this ground speed counts as flying (default 20 m/s, about 39 kn:
 *        above any taxi speed, below the stall speed of agricultural aircraft)
 * @param gpsGapS consecutive valid fixes further apart than this count as a GPS gap (default 2 s)
 * @param coverageCellM cell size of the covered-area raster (default 0.5 m)
 */
public record StatisticsOptions(double airborneSpeedMps, double gpsGapS, double coverageCellM) {

    public static final double DEFAULT_AIRBORNE_SPEED_MPS = 20.0;
    public static final double DEFAULT_GPS_GAP_S = 2.0;
    public static final double DEFAULT_COVERAGE_CELL_M = 0.5;

    /** Validates that every threshold is positive. */
    public StatisticsOptions {
        if (!(airborneSpeedMps > 0) || !(gpsGapS > 0) || !(coverageCellM > 0)) {
            throw new IllegalArgumentException("all statistics thresholds must be positive");
        }
    }

    /** @return the defaults listed on the components */
    public static StatisticsOptions defaults() {
        return new StatisticsOptions(DEFAULT_AIRBORNE_SPEED_MPS, DEFAULT_GPS_GAP_S, DEFAULT_COVERAGE_CELL_M);
    }
}
