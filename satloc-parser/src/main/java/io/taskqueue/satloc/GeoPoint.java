package io.taskqueue.satloc;

/**
 * A WGS84 point.
 *
 * @param latitude degrees, -90..90
 * @param longitude degrees, -180..180
 */
public record GeoPoint(double latitude, double longitude) {

    /** Rejects coordinates outside the WGS84 ranges. */
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS84 coordinate: " + latitude + ", " + longitude);
        }
    }
}
