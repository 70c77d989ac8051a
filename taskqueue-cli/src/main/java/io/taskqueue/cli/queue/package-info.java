/** {@code taskqueue queue}: listing, inspecting and maintaining the queues of a backend. */
package io.taskqueue.cli.queue;
