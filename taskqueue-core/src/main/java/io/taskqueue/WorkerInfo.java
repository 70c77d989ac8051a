package io.taskqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker connected to a queue, as the backend's store knows it; listed by
 * {@link JobQueue#workers()}. On Redis these are the named worker connections, Node BullMQ's
 * workers included, so the fields are what the server reports about a connection.
 *
 * @param name the worker's name ({@link WorkerOptions#name()}), or {@code null} for an unnamed worker
 * @param id the store's id of the worker's connection (on Redis, the client id)
 * @param address where the worker connects from ({@code host:port} on Redis), or {@code null} when
 *     the store does not know
 * @param connectedSince when the worker's connection was opened (to the second on Redis), or
 *     {@code null} when the store does not know
 * @param idle how long the worker's connection has done nothing (on Redis, since its last command
 *     began, so a worker blocked waiting for jobs shows up to its wait), or {@code null} when unknown
 */
public record WorkerInfo(String name, String id, String address, Instant connectedSince, Duration idle) {
    public WorkerInfo {
        Objects.requireNonNull(id, "id");
    }
}
