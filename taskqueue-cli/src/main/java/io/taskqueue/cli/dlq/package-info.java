/**
 * {@code taskqueue dlq}: list, show, replay, archive and purge the task tracker's dead letters in
 * Postgres. Listings page by keyset; bulk replays go in bounded batches, never more than the
 * confirmation showed.
 */
package io.taskqueue.cli.dlq;
