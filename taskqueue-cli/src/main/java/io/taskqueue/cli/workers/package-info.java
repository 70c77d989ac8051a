/** {@code taskqueue workers}: the workers connected to the queues, as the backend lists them. */
package io.taskqueue.cli.workers;
