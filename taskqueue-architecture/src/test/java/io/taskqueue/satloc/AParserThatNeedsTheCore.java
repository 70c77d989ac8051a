package io.taskqueue.satloc;

import io.taskqueue.JobQueue;

/** A fixture that breaks a rule on purpose: the parser depending on the job queue. */
public final class AParserThatNeedsTheCore {
    String name(JobQueue queue) {
        return queue.name();
    }
}
