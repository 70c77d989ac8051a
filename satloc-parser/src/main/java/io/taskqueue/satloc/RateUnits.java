package io.taskqueue.satloc;

/**
 * Application-rate units of a {@link FlowSetup}. The codes are a project assumption.
 */
public enum RateUnits {
    LITERS_PER_HECTARE(0, "L", "ha", 1.0),
    US_GALLONS_PER_ACRE(1, "gal", "ac", 0.40468564224),
    KILOGRAMS_PER_HECTARE(2, "kg", "ha", 1.0),
    POUNDS_PER_ACRE(3, "lb", "ac", 0.40468564224);

    private final int code;
    private final String material;
    private final String area;
    private final double hectaresPerAreaUnit;

    RateUnits(int code, String material, String area, double hectaresPerAreaUnit) {
        this.code = code;
        this.material = material;
        this.area = area;
        this.hectaresPerAreaUnit = hectaresPerAreaUnit;
    }

    /** @return the code written in record 140 */
    public int code() {
        return code;
    }

    /** @return symbol of the material unit, e.g. "L" */
    public String materialUnit() {
        return material;
    }

    /** @return symbol of the area unit, e.g. "ha" */
    public String areaUnit() {
        return area;
    }

    /** @return how many hectares one area unit is */
    public double hectaresPerAreaUnit() {
        return hectaresPerAreaUnit;
    }

    /**
     * @param code a code from record 140
     * @return the units, or {@code null} when the code is unknown
     */
    public static RateUnits byCodeOrNull(int code) {
        for (RateUnits u : values()) {
            if (u.code == code) {
                return u;
            }
        }
        return null;
    }
}
