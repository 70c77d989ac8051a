package io.taskqueue.spi;

import io.taskqueue.WorkerInfo;
import java.util.List;

/**
 * Capability {@link io.taskqueue.Capability#WORKERS}: the workers connected to a queue, those of
 * other processes (and other runtimes, on a shared store) included. A worker is listed from when
 * its {@link WorkerChannel} is open until it is closed, as far as the store can tell.
 */
public interface WorkerListSupport {
    /** The workers whose channel to this queue is open, in no particular order. */
    List<WorkerInfo> workers();
}
