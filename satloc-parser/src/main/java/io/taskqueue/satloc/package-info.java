/**
 * Public API of the SatLoc air-log library: the record values ({@link io.taskqueue.satloc.LogRecord}),
 * the streaming {@link io.taskqueue.satloc.SatlocParser}, the {@link io.taskqueue.satloc.SatlocWriter},
 * per-file {@link io.taskqueue.satloc.FlightStatistics}, the {@link io.taskqueue.satloc.FlightSimulator},
 * the SVG {@link io.taskqueue.satloc.FlightMap} and {@link io.taskqueue.satloc.JobFile} text job files.
 *
 * <p>The binary layout is a project assumption (see {@code docs/satloc-format.md}); it is not
 * verified to be byte-compatible with logs written by real SatLoc guidance systems.
 * Stable within a minor release.
 */
package io.taskqueue.satloc;
