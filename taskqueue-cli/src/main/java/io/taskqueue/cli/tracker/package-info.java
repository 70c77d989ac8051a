/**
 * {@code taskqueue tracker}: what the task tracker recorded (statistics, retry chains, stuck and
 * orphaned executions), and how its commands read durations and points in time.
 */
package io.taskqueue.cli.tracker;
