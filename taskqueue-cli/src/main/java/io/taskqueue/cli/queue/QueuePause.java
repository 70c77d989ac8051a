package io.taskqueue.cli.queue;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue pause NAME}: no worker starts a job of the queue until it is resumed. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a queue: no worker (Node ones included) starts its jobs until it is resumed; adds still work.")
public final class QueuePause implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    /**
     * The result in {@code --json} output.
     *
     * @param queue the queue
     * @param paused whether it is paused now
     */
    public record PauseResult(String queue, boolean paused) {
    }

    @Override
    public Integer call() {
        return run(Commands.context(spec), name, true);
    }

    /** Pauses or resumes {@code name}; shared with {@link QueueResume}. */
    static int run(CliContext ctx, String name, boolean pause) {
        String verb = pause ? "pause" : "resume";
        ctx.guardWrite(verb + " queue " + name);
        var queue = Queues.existing(ctx, name);
        if (pause) {
            queue.pause();
        } else {
            queue.resume();
        }
        ctx.output().print(new PauseResult(name, pause), (pause ? "paused" : "resumed") + " queue " + name);
        return 0;
    }
}
