package io.taskqueue.testing.conformance;

/**
 * The behaviour every backend must show, run through the public {@code Queue}/{@code Worker} API and
 * the SPI. A backend's test class extends this and implements {@link #newBackend}; backends whose
 * store outlives one connection also override {@link #secondConnection}.
 *
 * <pre>{@code
 * class RedisBackendConformanceIT extends BackendConformanceTest {
 *     protected Backend newBackend(Clock clock) { return RedisBackend.create(options(prefix)); }
 * }
 * }</pre>
 *
 * <p>The tests are layered over several classes only to keep each file small: ordering and delays,
 * retries and retention, recovery, control (cancel, timeout, close), handlers and job groups.
 */
public abstract class BackendConformanceTest extends GroupsContract {
}
