package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Enhanced position record (type 1, 78 bytes on disk): the short fix plus attitude, flow and
 * weather fields. Units and resolutions are listed in {@code docs/satloc-format.md}.
 *
 * @param fix the fields shared with the short form
 * @param aglM height above ground (laser) in metres, 0.01 resolution
 * @param verticalSpeedMps climb rate in m/s, 0.01 resolution
 * @param rollDeg bank angle in degrees, 0.01 resolution
 * @param pitchDeg pitch angle in degrees, 0.01 resolution
 * @param flowRatePerMin measured flow in material units per minute, 0.001 resolution
 * @param appliedRate applied rate in material units per area unit, 0.001 resolution
 * @param windSpeedMps wind speed in m/s, 0.01 resolution
 * @param windDirectionDeg wind direction in degrees, 0.01 resolution
 * @param airTemperatureC outside air temperature in degrees Celsius, 0.01 resolution
 * @param humidityPct relative humidity in percent, 0.01 resolution
 * @param boomMask open boom sections, bit i = section i
 * @param pdop position dilution of precision, 0.1 resolution
 * @param vdop vertical dilution of precision, 0.1 resolution
 * @param boomPressureKpa boom pressure in kPa, 0.1 resolution
 */
public record EnhancedPosition(Position fix, double aglM, double verticalSpeedMps, double rollDeg,
        double pitchDeg, double flowRatePerMin, double appliedRate, double windSpeedMps,
        double windDirectionDeg, double airTemperatureC, double humidityPct, int boomMask, double pdop,
        double vdop, double boomPressureKpa) implements PositionRecord {

    /** Validates that the shared fix is present. */
    public EnhancedPosition {
        Objects.requireNonNull(fix, "fix");
    }
}
