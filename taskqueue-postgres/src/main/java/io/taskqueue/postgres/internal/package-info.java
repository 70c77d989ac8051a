/**
 * Internals of the tracker: DAOs over the classpath SQL, the write-behind buffer, the circuit
 * breaker. Not API: anything here may change in any release.
 */
package io.taskqueue.postgres.internal;
