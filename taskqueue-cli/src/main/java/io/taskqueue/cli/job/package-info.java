/**
 * {@code taskqueue job}: list, show, add, retry, cancel, promote and remove the jobs of a queue.
 * Lists page through the backend in bounded batches, so they work on queues with millions of jobs.
 */
package io.taskqueue.cli.job;
