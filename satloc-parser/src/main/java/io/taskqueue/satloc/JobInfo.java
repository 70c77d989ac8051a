package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Job info string record (type 151): one key/value note attached to the job, e.g. customer or crop.
 *
 * @param epochMillis UTC time
 * @param key note key, at most 255 UTF-8 bytes
 * @param value note value, at most 255 UTF-8 bytes
 */
public record JobInfo(long epochMillis, String key, String value) implements LogRecord {

    /** Rejects null strings. */
    public JobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int typeId() {
        return RecordType.JOB_INFO_STRING.id();
    }
}
