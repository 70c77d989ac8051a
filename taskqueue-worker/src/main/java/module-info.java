/**
 * taskqueue-worker: the framework for standalone worker services ({@code io.taskqueue.worker}).
 * {@code io.taskqueue.worker.internal} may change at any time.
 */
module io.taskqueue.worker {
    requires transitive io.taskqueue.core;
    requires transitive micrometer.core;
    requires transitive io.taskqueue.micrometer;
    requires java.net.http;
    requires jdk.httpserver;

    exports io.taskqueue.worker;
}
