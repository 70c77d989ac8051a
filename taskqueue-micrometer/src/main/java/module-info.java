/**
 * taskqueue-micrometer: Micrometer meters for a task queue ({@code io.taskqueue.micrometer}),
 * installed as a {@link io.taskqueue.TaskQueueExtension}.
 */
module io.taskqueue.micrometer {
    requires transitive io.taskqueue.core;
    requires transitive micrometer.core;

    exports io.taskqueue.micrometer;
}
