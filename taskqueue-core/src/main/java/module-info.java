/**
 * taskqueue core: the queue and worker API, the backend SPI and the in-memory backend.
 */
module io.taskqueue.core {
    requires transitive org.slf4j;
    requires transitive com.fasterxml.jackson.databind;
    requires com.cronutils;

    exports io.taskqueue;
    exports io.taskqueue.spi;
    exports io.taskqueue.memory;
}
