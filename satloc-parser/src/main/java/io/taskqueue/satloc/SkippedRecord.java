package io.taskqueue.satloc;

/**
 * A well-framed record with an unregistered type id that was skipped (option
 * {@link ParserOptions#skipUnknownRecords()}).
 *
 * @param offset byte offset of the frame
 * @param typeId the unregistered type id
 * @param length total frame length in bytes
 */
public record SkippedRecord(long offset, int typeId, int length) {
}
