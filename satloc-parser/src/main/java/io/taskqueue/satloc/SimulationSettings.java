package io.taskqueue.satloc;

/**
 * Inputs of the {@link FlightSimulator}. Geometry is in metres and degrees; the field is a
 * trapezoid of {@code fieldLengthM} along the passes by {@code fieldWidthM} across them.
 *
 * @param seed random seed of the GPS noise (same seed, same log)
 * @param startMillis UTC time of the first record
 * @param originLat airstrip latitude
 * @param originLon airstrip longitude
 * @param fieldLengthM field length along the passes
 * @param fieldWidthM field width across the passes
 * @param fieldDistanceM distance from the airstrip to the field corner
 * @param fieldBearingDeg compass bearing from the airstrip to the field corner
 * @param passHeadingDeg math angle (counter-clockwise from east) of the pass direction
 * @param swathWidthM effective swath width
 * @param overlapFraction pass spacing is {@code swathWidthM * (1 - overlapFraction)}
 * @param sorties number of loads; passes are split evenly, with a landing and reload between loads
 * @param reflownPasses passes flown a second time at the end (extra overlap)
 * @param sampleIntervalMillis position interval (200 = 5 Hz)
 * @param positionForm short, enhanced or alternating position records
 * @param targetRate application rate in L/ha
 * @param gpsNoiseM standard deviation of the slowly wandering GPS error per axis
 * @param gpsOutages whether to insert one 4 s loss of records and one 3 s no-fix spell in the first ferry
 * @param pilot pilot name written in record 100
 * @param aircraft aircraft written in record 100
 * @param controller controller name written in record 46
 * @param jobId job number written in record 152
 * @param jobName job name written in record 152
 */
public record SimulationSettings(long seed, long startMillis, double originLat, double originLon,
        double fieldLengthM, double fieldWidthM, double fieldDistanceM, double fieldBearingDeg,
        double passHeadingDeg, double swathWidthM, double overlapFraction, int sorties, int reflownPasses,
        int sampleIntervalMillis, PositionForm positionForm, double targetRate, double gpsNoiseM,
        boolean gpsOutages, String pilot, String aircraft, String controller, String jobId, String jobName) {

    /** Validates ranges. */
    public SimulationSettings {
        if (!(fieldLengthM >= 100) || !(fieldWidthM >= swathWidthM) || !(swathWidthM >= 1)) {
            throw new IllegalArgumentException("field must be at least 100 m long and one swath wide");
        }
        if (!(overlapFraction >= 0 && overlapFraction < 0.9) || sorties < 1 || reflownPasses < 0
                || sampleIntervalMillis < 10 || !(gpsNoiseM >= 0) || !(targetRate > 0)) {
            throw new IllegalArgumentException("invalid simulation settings");
        }
    }

    /** @return a 500 m x 800 m field 3 km from the strip, 20 m swaths with 10 % overlap, one load */
    public static SimulationSettings defaults() {
        return new SimulationSettings(42, 1_748_955_600_000L, 38.5, -98.0, 800, 500, 3000, 60, 20, 20, 0.10, 1,
                1, 200, PositionForm.MIXED, 20.0, 0.3, true, "J. Doe", "AT-502B N502TQ", "Satloc Constant Rate",
                "1042", "NORTH 40");
    }

    /** @return a copy with another seed */
    public SimulationSettings withSeed(long s) {
        return new SimulationSettings(s, startMillis, originLat, originLon, fieldLengthM, fieldWidthM,
                fieldDistanceM, fieldBearingDeg, passHeadingDeg, swathWidthM, overlapFraction, sorties,
                reflownPasses, sampleIntervalMillis, positionForm, targetRate, gpsNoiseM, gpsOutages, pilot,
                aircraft, controller, jobId, jobName);
    }

    /** @return a copy with another field size and number of loads */
    public SimulationSettings withField(double lengthM, double widthM, int loads) {
        return new SimulationSettings(seed, startMillis, originLat, originLon, lengthM, widthM, fieldDistanceM,
                fieldBearingDeg, passHeadingDeg, swathWidthM, overlapFraction, loads, reflownPasses,
                sampleIntervalMillis, positionForm, targetRate, gpsNoiseM, gpsOutages, pilot, aircraft,
                controller, jobId, jobName);
    }

    /** @return a copy with another position form */
    public SimulationSettings withPositionForm(PositionForm form) {
        return new SimulationSettings(seed, startMillis, originLat, originLon, fieldLengthM, fieldWidthM,
                fieldDistanceM, fieldBearingDeg, passHeadingDeg, swathWidthM, overlapFraction, sorties,
                reflownPasses, sampleIntervalMillis, form, targetRate, gpsNoiseM, gpsOutages, pilot, aircraft,
                controller, jobId, jobName);
    }

    /** @return a copy with other swath geometry */
    public SimulationSettings withSwath(double widthM, double overlap, double headingDeg) {
        return new SimulationSettings(seed, startMillis, originLat, originLon, fieldLengthM, fieldWidthM,
                fieldDistanceM, fieldBearingDeg, headingDeg, widthM, overlap, sorties, reflownPasses,
                sampleIntervalMillis, positionForm, targetRate, gpsNoiseM, gpsOutages, pilot, aircraft,
                controller, jobId, jobName);
    }
}
