package io.taskqueue.satloc;

/**
 * A type-1 position record in either of its two public forms: {@link Position} (43 bytes on disk)
 * or {@link EnhancedPosition} (78 bytes on disk). Statistics only need this common view.
 */
public sealed interface PositionRecord extends LogRecord permits Position, EnhancedPosition {

    /** @return the fix common to both forms */
    Position fix();

    @Override
    default int typeId() {
        return RecordType.POSITION.id();
    }
}
