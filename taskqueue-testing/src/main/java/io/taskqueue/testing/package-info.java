/**
 * Helpers for testing code that uses taskqueue: {@link io.taskqueue.testing.MutableClock},
 * {@link io.taskqueue.testing.InlineMode} (jobs run before {@code add} returns),
 * {@link io.taskqueue.testing.QueueAssertions} and
 * {@link io.taskqueue.testing.FaultInjectingBackend}.
 */
package io.taskqueue.testing;
