package io.taskqueue.satloc;

import java.util.List;

/**
 * Boom sections record (type 142): the width of each section, left to right.
 *
 * @param epochMillis UTC time
 * @param sectionWidthsM section widths in metres, 0.01 resolution, at most 255 sections
 */
public record BoomSections(long epochMillis, List<Double> sectionWidthsM) implements LogRecord {

    /** Copies the list so the record stays immutable. */
    public BoomSections {
        sectionWidthsM = List.copyOf(sectionWidthsM);
    }

    @Override
    public int typeId() {
        return RecordType.BOOM_SECTIONS.id();
    }
}
