/**
 * Implementation details: the binary layout spec ({@code SatlocFormat}), codecs, the frame scanner,
 * coverage rasterisation and the simulator's trajectory geometry. Not exported; may change at any time.
 */
package io.taskqueue.satloc.internal;
