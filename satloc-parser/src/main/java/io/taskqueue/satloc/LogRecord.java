package io.taskqueue.satloc;

/**
 * One decoded record of a SatLoc air log.
 *
 * <p>Every implementation is an immutable record. Typed records carry a UTC timestamp in epoch
 * milliseconds; {@link OpaqueRecord} keeps the raw payload of registered types the library does
 * not decode.
 */
public sealed interface LogRecord
        permits PositionRecord, GpsStatus, SwathNumber, FlowMonitor, TargetRate, AppliedRate,
        ControllerType, Marker, SystemSetup, SwathingSetup, FlowSetup, BoomSections, JobInfo,
        JobName, OpaqueRecord {

    /** @return the record type id written in the frame */
    int typeId();
}
