/**
 * The backend conformance suite: extend {@link io.taskqueue.testing.conformance.BackendConformanceTest}
 * to prove a backend behaves like every other one.
 */
package io.taskqueue.testing.conformance;
