package io.taskqueue.satloc;

/**
 * The one exception the library throws for malformed input: a log that is not a SatLoc log
 * (empty, wrong magic, unsupported version), a configured limit that was exceeded, or an
 * unparseable job file.
 *
 * <p>Corrupt records inside an otherwise valid log do not throw; the parser reports them as
 * {@link Rejection}s and resynchronises.
 */
public final class SatlocFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    /**
     * @param offset byte offset in the input where the problem was detected (0-based)
     * @param message what is wrong, without the offset (it is appended)
     */
    public SatlocFormatException(long offset, String message) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
        this.reason = message;
    }

    /** @return byte offset in the input where the problem was detected */
    public long offset() {
        return offset;
    }

    /** @return the message without the offset suffix */
    public String reason() {
        return reason;
    }
}
