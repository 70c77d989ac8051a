/**
 * {@code taskqueue satloc}: statistics, SVG maps and simulated logs for SatLoc aerial-application
 * logs, over the satloc-parser library. Errors name the file at fault.
 */
package io.taskqueue.cli.satloc;
