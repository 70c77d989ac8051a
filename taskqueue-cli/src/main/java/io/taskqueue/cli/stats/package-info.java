/** {@code taskqueue stats}: every queue at a glance, once or redrawn at a terminal. */
package io.taskqueue.cli.stats;
