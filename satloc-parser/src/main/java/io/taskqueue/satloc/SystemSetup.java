package io.taskqueue.satloc;

import java.util.Objects;

/**
 * System setup record (type 100): source of the pilot name.
 *
 * @param epochMillis UTC time
 * @param pilotName pilot or operator, at most 255 UTF-8 bytes
 * @param aircraft aircraft registration or name, at most 255 UTF-8 bytes
 */
public record SystemSetup(long epochMillis, String pilotName, String aircraft) implements LogRecord {

    /** Rejects null strings. */
    public SystemSetup {
        Objects.requireNonNull(pilotName, "pilotName");
        Objects.requireNonNull(aircraft, "aircraft");
    }

    @Override
    public int typeId() {
        return RecordType.SYSTEM_SETUP.id();
    }
}
