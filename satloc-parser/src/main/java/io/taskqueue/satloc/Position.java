package io.taskqueue.satloc;

import java.time.Instant;

/**
 * Short position record (type 1, 43 bytes on disk): one GPS fix plus the spray state.
 *
 * <p>Values are stored at the format's resolution (see {@code docs/satloc-format.md}); the writer
 * rounds finer values, so only values already on that grid survive a round trip unchanged.
 *
 * @param epochMillis UTC time of the fix
 * @param latitude WGS84 degrees, 1e-7 resolution
 * @param longitude WGS84 degrees, 1e-7 resolution
 * @param altitudeM altitude above the ellipsoid in metres, 0.01 resolution
 * @param speedMps ground speed in m/s, 0.01 resolution, 0..655
 * @param headingDeg true track in degrees, 0.01 resolution, [0, 360)
 * @param crossTrackM cross-track error to the guidance line in metres, 0.01 resolution
 * @param swath guidance swath number, 0..65535
 * @param flags bit field: {@link #FLAG_SPRAY_ON}, {@link #FLAG_ON_LINE}; other bits are reserved
 * @param gpsQuality 0 no fix, 1 autonomous, 2 differential, 4 RTK fixed, 5 RTK float
 * @param satellites satellites used, 0..255
 * @param hdop horizontal dilution of precision, 0.1 resolution
 * @param correctionAgeS age of differential corrections in seconds, 0.1 resolution
 */
public record Position(long epochMillis, double latitude, double longitude, double altitudeM,
        double speedMps, double headingDeg, double crossTrackM, int swath, int flags, int gpsQuality,
        int satellites, double hdop, double correctionAgeS) implements PositionRecord {

    /** Flag bit: the boom master switch is on (the aircraft is spraying). */
    public static final int FLAG_SPRAY_ON = 1;
    /** Flag bit: the aircraft is within tolerance of its guidance line. */
    public static final int FLAG_ON_LINE = 2;

    @Override
    public Position fix() {
        return this;
    }

    /** @return true when the spray flag is set */
    public boolean sprayOn() {
        return (flags & FLAG_SPRAY_ON) != 0;
    }

    /** @return true when the GPS quality indicates a usable fix */
    public boolean hasFix() {
        return gpsQuality > 0;
    }

    /** @return the timestamp as an {@link Instant} */
    public Instant time() {
        return Instant.ofEpochMilli(epochMillis);
    }
}
