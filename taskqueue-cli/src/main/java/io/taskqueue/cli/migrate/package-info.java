/**
 * {@code taskqueue migrate}: creates or upgrades the task tracker's tables, the one command that
 * changes the tracker's schema.
 */
package io.taskqueue.cli.migrate;
