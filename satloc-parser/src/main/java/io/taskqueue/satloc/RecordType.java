package io.taskqueue.satloc;

import java.util.Optional;

/**
 * The 30 record type ids the public AgMission parser registers, with its names.
 *
 * <p>Ids and names are public facts. Three ids disagree with the format document's revision history
 * (see {@link #documentConflict()}); the parser's naming is used. Whether a type is decoded into a
 * typed record or kept as an {@link OpaqueRecord} is a project choice, given by {@link #decoded()}.
 */
public enum RecordType {
    POSITION(1, true),
    GPS(10, true),
    GPS_STATUS_EXTENDED(11, false),
    SWATH_NUMBER(20, true),
    FLOW_MONITOR(30, true),
    DUAL_FLOW_MONITOR(31, false),
    TARGET_APPLICATION_RATES(32, true),
    DUAL_FLOW_TARGET_RATES(33, false),
    APPLIED_RATES(36, true),
    FIRE_DRY_GATE_STATUS(37, false),
    IF2_DRY_GATE(38, false),
    TLEG_DRY_GATE(39, false),
    LASER_ALTIMETER(42, false),
    AGDISP_DATA(43, false),
    TACH_TIMES(45, false),
    CONTROLLER_TYPE_BY_NAME(46, true),
    IF2_LIQUID_BOOM_PRESSURE(47, false),
    WIND(50, false),
    MICRO_RPM(52, false),
    SBC_TEMPS(56, false),
    METERATE(57, false),
    MARKER_ASCII(60, true),
    MARKER_UNICODE(61, false),
    SYSTEM_SETUP(100, true),
    ENVIRONMENTAL(110, false),
    SWATHING_SETUP(120, true),
    FLOW_SETUP(140, true),
    BOOM_SECTIONS(142, true),
    JOB_INFO_STRING(151, true),
    JOB_INFO_NAME_STRING(152, true);

    private static final RecordType[] BY_ID = new RecordType[256];

    static {
        for (RecordType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final boolean decoded;

    RecordType(int id, boolean decoded) {
        this.id = id;
        this.decoded = decoded;
    }

    /** @return the numeric id written in the record frame (0..255) */
    public int id() {
        return id;
    }

    /** @return true when the library decodes this type into a typed record, false for opaque */
    public boolean decoded() {
        return decoded;
    }

    /**
     * @param id a record type id
     * @return the registered type, or {@code null} when the id is not one of the 30 (hot path: no Optional)
     */
    public static RecordType byIdOrNull(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /**
     * @param id a record type id
     * @return the registered type, if any
     */
    public static Optional<RecordType> byId(int id) {
        return Optional.ofNullable(byIdOrNull(id));
    }

    /**
     * @return the revision-history name where it disagrees with the parser's name, otherwise empty
     */
    public Optional<String> documentConflict() {
        switch (this) {
            case APPLIED_RATES:
                return Optional.of("Section Geometry (revision 3.53)");
            case IF2_DRY_GATE:
                return Optional.of("Actual Application Rate (revision 3.53)");
            case TARGET_APPLICATION_RATES:
                return Optional.of("Flow Rates (revision 3.41), probably the same record");
            default:
                return Optional.empty();
        }
    }
}
