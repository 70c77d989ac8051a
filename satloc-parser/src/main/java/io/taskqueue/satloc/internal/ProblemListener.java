package io.taskqueue.satloc.internal;

/** Where the scanner reports what it could not accept. */
public interface ProblemListener {

    void rejected(long offset, String reason);

    void skipped(long offset, int typeId, int length);
}
