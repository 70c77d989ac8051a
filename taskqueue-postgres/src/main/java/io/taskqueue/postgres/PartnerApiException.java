package io.taskqueue.postgres;

import io.taskqueue.TaskQueueException;

/**
 * Thrown by handlers when an external partner's API fails, so the failure is filed under
 * {@link TaskErrorCategory#PARTNER_API} (and its dead letters are replayed with the longer delay).
 * Apps with their own client exceptions can map those instead with
 * {@link TrackerErrorClassifier.Builder#map(Class, TaskErrorCategory)}.
 */
public class PartnerApiException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final String partner;
    private final int httpStatus;

    /**
     * @param partner the partner's code, e.g. {@code SATLOC}
     * @param httpStatus the HTTP status, or 0 when there was no response
     */
    public PartnerApiException(String partner, int httpStatus, String message, Throwable cause) {
        super(partner + " API: " + message + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : ""), cause);
        this.partner = partner;
        this.httpStatus = httpStatus;
    }

    /** The partner's code. */
    public String partner() {
        return partner;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }
}
