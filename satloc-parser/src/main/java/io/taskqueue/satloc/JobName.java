package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Job info name record (type 152): the job's number and name; source of the job id.
 *
 * @param epochMillis UTC time
 * @param jobId job number as entered on the guidance system, at most 255 UTF-8 bytes
 * @param name job name, at most 255 UTF-8 bytes
 */
public record JobName(long epochMillis, String jobId, String name) implements LogRecord {

    /** Rejects null strings. */
    public JobName {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int typeId() {
        return RecordType.JOB_INFO_NAME_STRING.id();
    }
}
