/** An in-memory backend with the same state machine and ordering rules as Redis, for tests and demos. */
package io.taskqueue.memory;
