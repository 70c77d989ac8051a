package io.taskqueue;

/**
 * A payload (job data or a handler's result) encodes to more bytes than the task queue accepts
 * ({@link TaskQueue.Builder#maxPayloadBytes(int)}). Nothing was stored.
 */
public class PayloadTooLargeException extends PayloadException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String what, long bytes, int maxBytes) {
        super(what + " encodes to " + bytes + " bytes of JSON, over the limit of " + maxBytes
                + " (TaskQueue.Builder.maxPayloadBytes)", null);
    }
}
