package io.taskqueue.cli.workers;

import io.taskqueue.WorkerInfo;

/**
 * One worker in {@code taskqueue workers ls} and {@code queue inspect}; also its {@code --json}
 * shape (docs/cli.md).
 *
 * @param queue the queue it works on
 * @param name its name, or {@code null} for an unnamed worker
 * @param id the store's id of its connection (the Redis client id)
 * @param address where it connects from, or {@code null} when unknown
 * @param connectedSince when it connected, ISO-8601 UTC, or {@code null} when unknown
 * @param idleSeconds seconds since its connection last did something, or {@code null} when unknown
 */
public record WorkerRow(String queue, String name, String id, String address, String connectedSince,
        Long idleSeconds) {

    /** The row of {@code worker}, connected to {@code queue}. */
    public static WorkerRow of(String queue, WorkerInfo worker) {
        return new WorkerRow(queue, worker.name(), worker.id(), worker.address(),
                worker.connectedSince() == null ? null : worker.connectedSince().toString(),
                worker.idle() == null ? null : worker.idle().toSeconds());
    }
}
