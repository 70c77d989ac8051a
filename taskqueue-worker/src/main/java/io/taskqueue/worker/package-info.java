/**
 * The worker framework: extend {@link io.taskqueue.worker.BaseWorker}, configure with
 * {@link io.taskqueue.worker.WorkerConfig}, run with {@link io.taskqueue.worker.WorkerService}.
 * Failures are {@link io.taskqueue.worker.WorkerError}s, progress is reported in
 * {@link io.taskqueue.worker.Step}s.
 */
package io.taskqueue.worker;
