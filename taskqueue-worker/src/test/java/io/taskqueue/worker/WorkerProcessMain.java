package io.taskqueue.worker;

/** A worker service's whole main, as a generated project has it: run from the environment. */
public final class WorkerProcessMain {
    private WorkerProcessMain() {
    }

    public static void main(String[] args) {
        WorkerService.run(new ChoreWorker(WorkerConfig.fromEnvironment()));
    }
}
