/**
 * Pure-Java reader, writer and statistics engine for SatLoc aerial-application air logs.
 *
 * <p>Only {@code io.taskqueue.satloc} is exported; the binary layout lives in the unexported
 * {@code internal} package so it can change without breaking callers.
 */
module io.taskqueue.satloc {
    exports io.taskqueue.satloc;
}
