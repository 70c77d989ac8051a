/** {@code taskqueue scheduler}: the job schedulers of a queue. */
package io.taskqueue.cli.scheduler;
