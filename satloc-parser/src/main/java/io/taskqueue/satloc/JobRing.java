package io.taskqueue.satloc;

import java.util.List;
import java.util.Objects;

/**
 * One {@code .POL} ring of a job file: an inclusion boundary ({@code INC}) or a hole ({@code EXC}).
 *
 * @param label ring label, e.g. "Poly1" or "1.1"; no whitespace
 * @param inclusion true for {@code INC}, false for {@code EXC}
 * @param vertices at least three WGS84 vertices, without repeating the first at the end
 *        (the writer closes the ring)
 */
public record JobRing(String label, boolean inclusion, List<GeoPoint> vertices) {

    /** Validates the label and vertex count, copies the list. */
    public JobRing {
        Objects.requireNonNull(label, "label");
        if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("label must be one non-empty word: '" + label + "'");
        }
        vertices = List.copyOf(vertices);
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("a ring needs at least 3 vertices, got " + vertices.size());
        }
    }
}
