/**
 * The backend seam: the atomic queue operations every datastore implements (BullMQ's protocol §5).
 * No Redis, JDBC or client type appears here; each backend owns its connections.
 *
 * <p>This package is for backend authors, not application code. It may change between minor
 * versions whenever the user-facing API needs it to.
 */
package io.taskqueue.spi;
