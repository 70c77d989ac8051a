package io.taskqueue.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed. */
public final class Cli {
    private final Map<String, String> env = new HashMap<>();
    private boolean interactive;
    private String input = "";
    private Clock clock = Clock.systemUTC();

    /** A command line with an empty environment and no terminal. */
    public static Cli create() {
        return new Cli();
    }

    /** Sets an environment variable for the runs. */
    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs the commands on {@code clock} (the system's by default). */
    public Cli clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Pretends a person is at a terminal, typing {@code input}. */
    public Cli atTerminal(String input) {
        this.interactive = true;
        this.input = input;
        return this;
    }

    /** Runs {@code args}. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TaskqueueCli.Terminal terminal = new TaskqueueCli.Terminal(interactive,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        int status = TaskqueueCli.run(args, terminal, env, clock);
        return new Result(status, out.toString(), err.toString());
    }

    /**
     * What one run did.
     *
     * @param status the exit status
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    public record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
