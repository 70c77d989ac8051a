package io.taskqueue.example.booklogr;

import java.time.Instant;

/**
 * A finished export; stored as the job's result.
 *
 * @param ownerId the user whose books were exported
 * @param filename the file's name in the export directory (no directory part)
 * @param books the books written, one CSV record each
 * @param exportId the id of the file's row in {@code csv_export}
 * @param createdAt the row's {@code created_at}: when the file first became available
 */
public record ExportResult(long ownerId, String filename, long books, long exportId, Instant createdAt) {
}
