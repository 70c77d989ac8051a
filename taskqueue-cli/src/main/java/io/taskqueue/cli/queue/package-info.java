/** {@code taskqueue queue}: listing, inspecting and managing queues. */
package io.taskqueue.cli.queue;
