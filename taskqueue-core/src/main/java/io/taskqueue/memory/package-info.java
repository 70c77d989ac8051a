/**
 * The in-memory backend ({@code memory:}): the same state machine, orderings and events as on
 * Redis, for tests, demos and single-process use. Not exported; opened through its provider.
 */
package io.taskqueue.memory;
