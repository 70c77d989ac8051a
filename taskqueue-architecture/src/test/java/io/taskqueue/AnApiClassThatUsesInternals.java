package io.taskqueue;

import io.taskqueue.internal.NamedThreadFactory;

/** A fixture that breaks a rule on purpose: an API class that is not a root builds an internal part. */
public final class AnApiClassThatUsesInternals {
    Thread thread(Runnable task) {
        return new NamedThreadFactory("wrong", Thread.NORM_PRIORITY).newThread(task);
    }
}
