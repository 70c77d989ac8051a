package io.taskqueue.satloc;

/** Which type-1 form the {@link FlightSimulator} writes. */
public enum PositionForm {
    /** Only 43-byte {@link Position} records. */
    SHORT,
    /** Only 78-byte {@link EnhancedPosition} records. */
    ENHANCED,
    /** Alternating short and enhanced, to exercise both in one file. */
    MIXED
}
