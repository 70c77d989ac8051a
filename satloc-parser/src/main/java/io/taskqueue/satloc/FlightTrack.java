package io.taskqueue.satloc;

import java.util.Arrays;
import java.util.List;

/**
 * Collects the valid fixes of a log with their spray state, for {@link FlightMap}. Uses 17 bytes
 * per fix; plug it into {@link SatlocParser#parse} next to a {@link FlightStatisticsCalculator}.
 * Not thread-safe.
 */
public final class FlightTrack implements RecordHandler {

    private double[] lat = new double[1024];
    private double[] lon = new double[1024];
    private boolean[] spray = new boolean[1024];
    private int size;

    @Override
    public void onBatch(List<LogRecord> batch) {
        for (LogRecord r : batch) {
            accept(r);
        }
    }

    /** Adds a record; only positions with a fix are kept. */
    public void accept(LogRecord r) {
        if (r instanceof PositionRecord p && p.fix().hasFix()) {
            if (size == lat.length) {
                lat = Arrays.copyOf(lat, size * 2);
                lon = Arrays.copyOf(lon, size * 2);
                spray = Arrays.copyOf(spray, size * 2);
            }
            lat[size] = p.fix().latitude();
            lon[size] = p.fix().longitude();
            spray[size] = p.fix().sprayOn();
            size++;
        }
    }

    /** @return number of fixes kept */
    public int size() {
        return size;
    }

    /** @return latitude of fix {@code i} */
    public double latitude(int i) {
        return lat[i];
    }

    /** @return longitude of fix {@code i} */
    public double longitude(int i) {
        return lon[i];
    }

    /** @return whether the aircraft sprayed from fix {@code i} to the next */
    public boolean sprayOn(int i) {
        return spray[i];
    }
}
