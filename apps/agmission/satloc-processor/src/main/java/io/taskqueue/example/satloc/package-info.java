/**
 * The SatLoc log processor: a worker service that reads an uploaded SatLoc air log (and optionally
 * its job file) from a shared data directory and stores the flight statistics as the job's result.
 */
package io.taskqueue.example.satloc;
