/**
 * The backend conformance contracts: JUnit 5 interfaces a backend's test class implements to prove
 * it behaves like every other backend. {@link io.taskqueue.testing.conformance.CoreContracts} covers
 * the job lifecycle; each {@link io.taskqueue.testing.conformance.CapabilityContract} interface covers
 * one capability; {@link io.taskqueue.testing.conformance.Conformance} is the fixture.
 */
package io.taskqueue.testing.conformance;
