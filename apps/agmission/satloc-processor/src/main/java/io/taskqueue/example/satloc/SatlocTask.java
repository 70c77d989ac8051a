package io.taskqueue.example.satloc;

/**
 * One log to process, as the upload API adds it (JSON, so a Node producer can add it too). Both
 * paths are relative to the worker's data directory ({@value SatlocProcessorWorker#DATA_DIR}); the
 * producer never learns or chooses where that directory is.
 *
 * @param logFile the SatLoc air log, e.g. {@code uploads/2026-05-03/N502TQ.log}
 * @param jobFile the job file with the field's boundary, or {@code null} without one
 */
public record SatlocTask(String logFile, String jobFile) {
    /** A task for a log without a job file. */
    public static SatlocTask of(String logFile) {
        return new SatlocTask(logFile, null);
    }
}
