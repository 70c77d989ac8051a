package io.taskqueue.satloc.internal;

/**
 * Equirectangular projection around an origin: metres east (x) and north (y). Over the few
 * kilometres of one job its scale error stays below 0.1 %, far inside the statistics' tolerances,
 * and it is cheap enough to run per fix.
 */
public final class LocalProjection {

    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double lat0;
    private final double lon0;
    private final double cosLat0;

    public LocalProjection(double originLat, double originLon) {
        this.lat0 = Math.toRadians(originLat);
        this.lon0 = Math.toRadians(originLon);
        this.cosLat0 = Math.cos(lat0);
    }

    public double x(double lat, double lon) {
        return (Math.toRadians(lon) - lon0) * cosLat0 * EARTH_RADIUS_M;
    }

    public double y(double lat, double lon) {
        return (Math.toRadians(lat) - lat0) * EARTH_RADIUS_M;
    }

    public double latitude(double x, double y) {
        return Math.toDegrees(lat0 + y / EARTH_RADIUS_M);
    }

    public double longitude(double x, double y) {
        return Math.toDegrees(lon0 + x / (EARTH_RADIUS_M * cosLat0));
    }

    /** Great-circle distance in metres (haversine). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double sp = Math.sin(dp / 2);
        double sl = Math.sin(dl / 2);
        double a = sp * sp + Math.cos(p1) * Math.cos(p2) * sl * sl;
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
