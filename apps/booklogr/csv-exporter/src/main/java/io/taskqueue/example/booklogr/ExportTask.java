package io.taskqueue.example.booklogr;

/**
 * One export to make, as the BookLogr API adds it (JSON, so a Node or Python producer can add it
 * too): {@code {"ownerId": 42}}.
 *
 * @param ownerId the user whose books are exported; a boxed number so that a missing one is told apart
 */
public record ExportTask(Long ownerId) {
}
