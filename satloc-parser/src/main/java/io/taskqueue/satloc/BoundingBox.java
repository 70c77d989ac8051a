package io.taskqueue.satloc;

/**
 * WGS84 bounding box of the valid fixes.
 *
 * @param minLatitude southern edge
 * @param minLongitude western edge
 * @param maxLatitude northern edge
 * @param maxLongitude eastern edge
 */
public record BoundingBox(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {
}
