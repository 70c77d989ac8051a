package io.taskqueue;

/**
 * What happens to a flow parent when one of its children fails for good (docs/protocol.md §5.18). Stored
 * on the child, in its {@code parent} reference, under BullMQ's flag names.
 */
public enum ChildFailurePolicy {
    /** The parent keeps waiting for the child (until the child is retried and completes). */
    WAIT(null),
    /** {@code failParentOnFailure}: the parent fails with "child &lt;key&gt; failed". */
    FAIL_PARENT("fpof"),
    /** {@code ignoreDependencyOnFailure}: the child no longer counts; its reason is recorded. */
    IGNORE("idof"),
    /** {@code continueParentOnFailure}: the parent runs at once, even with other children pending. */
    CONTINUE_PARENT("cpof"),
    /** {@code removeDependencyOnFailure}: the child no longer counts; nothing is recorded. */
    REMOVE_DEPENDENCY("rdof");

    private final String flag;

    ChildFailurePolicy(String flag) {
        this.flag = flag;
    }

    /** BullMQ's flag name ({@code fpof}, {@code idof}, {@code cpof}, {@code rdof}), or null for WAIT. */
    public String flag() {
        return flag;
    }
}
