package io.taskqueue.spi;

/** Capability {@link io.taskqueue.Capability#PAUSE}: pausing a queue for every worker. */
public interface PauseSupport {
    /** Stops every worker from starting jobs of this queue; adds still work. Emits {@code paused}. */
    void pause();

    /** Lets workers start jobs again. Emits {@code resumed}. */
    void resume();

    /** Whether the queue is paused. */
    boolean isPaused();
}
