package io.taskqueue.satloc;

/**
 * GPS status record (type 10).
 *
 * @param epochMillis UTC time
 * @param quality 0 no fix, 1 autonomous, 2 differential, 4 RTK fixed, 5 RTK float
 * @param satellites satellites used
 * @param hdop horizontal dilution of precision, 0.01 resolution
 * @param pdop position dilution of precision, 0.01 resolution
 * @param correctionAgeS age of differential corrections in seconds, 0.1 resolution
 */
public record GpsStatus(long epochMillis, int quality, int satellites, double hdop, double pdop,
        double correctionAgeS) implements LogRecord {

    @Override
    public int typeId() {
        return RecordType.GPS.id();
    }
}
