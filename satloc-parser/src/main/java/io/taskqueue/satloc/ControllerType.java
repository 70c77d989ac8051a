package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Controller type by name (type 46): the flow controller, e.g. "Satloc Constant Rate".
 *
 * @param epochMillis UTC time
 * @param name controller name, at most 255 UTF-8 bytes
 */
public record ControllerType(long epochMillis, String name) implements LogRecord {

    /** Rejects a null name. */
    public ControllerType {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int typeId() {
        return RecordType.CONTROLLER_TYPE_BY_NAME.id();
    }
}
