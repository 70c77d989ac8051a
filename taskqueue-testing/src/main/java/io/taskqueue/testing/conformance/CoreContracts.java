package io.taskqueue.testing.conformance;

/**
 * The contracts of the job lifecycle, which every backend passes with nothing but
 * {@link io.taskqueue.spi.QueueBackend}: ordering and delays, retries and backoff, lock loss and
 * stall recovery, cancellation, timeouts and closing, what handlers see, and the seam's own calls.
 */
public interface CoreContracts extends OrderingContract, RetryContract, RecoveryContract, ControlContract,
        HandlerContract, SeamContract {
}
