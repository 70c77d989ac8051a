/**
 * taskqueue core: the application API ({@code io.taskqueue}), the backend seam
 * ({@code io.taskqueue.spi}), the worker runtime and the in-memory backend ({@code memory:}).
 */
module io.taskqueue.core {
    requires transitive org.slf4j;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires java.sql;
    requires com.cronutils;

    exports io.taskqueue;
    exports io.taskqueue.spi;

    uses io.taskqueue.spi.BackendProvider;
    provides io.taskqueue.spi.BackendProvider with io.taskqueue.memory.InMemoryBackendProvider;
}
