package io.taskqueue.memory;

/** Placeholder: being written. */
final class InMemoryBackend {
}
