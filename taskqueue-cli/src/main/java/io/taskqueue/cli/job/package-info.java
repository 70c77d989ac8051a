/**
 * {@code taskqueue job}: list and show the jobs of a queue. Lists page through the backend in
 * bounded batches, so they work on queues with millions of jobs.
 */
package io.taskqueue.cli.job;
