package io.taskqueue.satloc;

/**
 * Flow monitor record (type 30): measured flow and the controller's running total.
 *
 * @param epochMillis UTC time
 * @param flowRatePerMin material units per minute, 0.001 resolution
 * @param totalApplied cumulative material since the counter was last reset, 0.01 resolution
 * @param sprayOn true when the controller reports the boom open
 */
public record FlowMonitor(long epochMillis, double flowRatePerMin, double totalApplied, boolean sprayOn)
        implements LogRecord {

    @Override
    public int typeId() {
        return RecordType.FLOW_MONITOR.id();
    }
}
