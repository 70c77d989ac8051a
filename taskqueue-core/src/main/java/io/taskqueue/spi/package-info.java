/**
 * The backend seam. {@link io.taskqueue.spi.QueueBackend} is the job lifecycle every store
 * implements; the {@code *Support} interfaces are optional capabilities a backend declares in
 * {@link io.taskqueue.spi.Backend#capabilities()}; a {@link io.taskqueue.spi.BackendProvider} opens
 * a backend from a URL. No client, connection or datastore type appears here: each backend owns its
 * connections, and its own vocabulary stays behind this seam.
 *
 * <p>This package is for backend authors, not application code, which uses {@code io.taskqueue}.
 * It may change between minor versions whenever the application API needs it to.
 */
package io.taskqueue.spi;
