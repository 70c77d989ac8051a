package io.taskqueue.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code taskqueue} command: the entry point of the launcher, and {@link #run} for running the
 * command line in-process (tests, embedding). Exit codes: 0 ok, 1 failed, 2 usage.
 */
public final class TaskqueueCli {
    /** The exit code of a command that ran and succeeded. */
    public static final int OK = 0;
    /** The exit code of a command that failed; one line on standard error says why. */
    public static final int FAILED = 1;
    /** The exit code of a command line picocli could not parse. */
    public static final int USAGE = 2;

    private TaskqueueCli() {
    }

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, new Terminal(System.console() != null, System.in, out, err), System.getenv(),
                Clock.systemUTC());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line in-process.
     *
     * @param terminal where output goes and whether a person is at a terminal
     * @param env the environment ({@code TASKQUEUE_URL}, {@code TASKQUEUE_PASSWORD}, ...)
     * @param clock the time every command reads: "now" of durations back, ages, the task queue's
     * @return the exit status
     */
    public static int run(String[] args, Terminal terminal, Map<String, String> env, Clock clock) {
        RootCommand root = new RootCommand(terminal, env, clock);
        CommandLine commandLine = new CommandLine(root)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setParameterExceptionHandler(new UsageReporter());
        try {
            return commandLine.execute(args);
        } finally {
            root.closeContext();
        }
    }

    /**
     * Where a command line reads and writes, and whether a person is there to answer questions and
     * watch progress.
     *
     * @param interactive true when the standard streams are a terminal
     */
    public record Terminal(boolean interactive, InputStream in, PrintWriter out, PrintWriter err) {
    }
}
