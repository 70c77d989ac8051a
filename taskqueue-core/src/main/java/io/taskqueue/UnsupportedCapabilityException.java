package io.taskqueue;

/** A backend was asked for a {@link Capability} it does not have. */
public class UnsupportedCapabilityException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final transient Capability capability;

    /**
     * @param capability what was asked for
     * @param backend the backend's description, e.g. {@code in-memory}
     */
    public UnsupportedCapabilityException(Capability capability, String backend) {
        super("the " + backend + " backend does not support " + capability.description() + " (capability "
                + capability + ")");
        this.capability = capability;
    }

    /** The capability the backend lacks. */
    public Capability capability() {
        return capability;
    }
}
