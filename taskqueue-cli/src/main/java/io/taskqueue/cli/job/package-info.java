/**
 * {@code taskqueue job}: list, show, add, retry, cancel, promote and remove jobs, one at a time or a
 * whole state at once. Lists and bulk operations page through the backend in bounded batches, so
 * they work on queues with millions of jobs.
 */
package io.taskqueue.cli.job;
