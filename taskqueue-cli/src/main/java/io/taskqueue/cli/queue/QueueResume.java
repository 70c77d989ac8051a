package io.taskqueue.cli.queue;

import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue resume NAME}: workers start the queue's jobs again. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused queue.")
public final class QueueResume implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    @Override
    public Integer call() {
        return QueuePause.run(Commands.context(spec), name, false);
    }
}
