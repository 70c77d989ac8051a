package io.taskqueue.cli;

import io.taskqueue.BackendException;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.Backends;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * What every command of one run shares: the backend (opened on first use from {@code --url} or
 * {@code TASKQUEUE_URL}, closed at the end of the run), the tracker's database (likewise, from
 * {@code --db} or {@code TASKQUEUE_DB_URL}), the output, the read-only guard, and the confirmation of
 * destructive operations.
 */
public final class CliContext implements AutoCloseable {
    /** The environment variable naming the backend when {@code --url} is absent. */
    public static final String URL_VARIABLE = "TASKQUEUE_URL";
    /** A password for a URL that has none, so that it need not appear in the shell's history. */
    public static final String PASSWORD_VARIABLE = "TASKQUEUE_PASSWORD";

    /** The options shared by every command. */
    record Settings(String url, String prefix, boolean json, boolean yes, boolean readOnly) {
    }

    private final Settings settings;
    private final TaskqueueCli.Terminal terminal;
    private final Map<String, String> env;
    private final Clock clock;
    private final Output output;
    private TaskQueue taskQueue;
    private TrackerSession trackerSession;

    CliContext(Settings settings, TaskqueueCli.Terminal terminal, Map<String, String> env, Clock clock) {
        this.settings = settings;
        this.terminal = terminal;
        this.env = env;
        this.clock = clock;
        this.output = new Output(terminal.out(), settings.json());
    }

    /** The clock of this run: the task queue's, the tracker's, and "now" for durations back and ages. */
    public Clock clock() {
        return clock;
    }

    /** The task queue on the backend of this run; opened on first use. */
    public TaskQueue taskQueue() {
        if (taskQueue == null) {
            String url = backendUrl();
            try {
                taskQueue = TaskQueue.builder().backend(url).clock(clock).build();
            } catch (BackendException | IllegalArgumentException e) {
                throw new CliException("cannot open " + Backends.maskPassword(url) + ": " + e.getMessage(), e);
            }
        }
        return taskQueue;
    }

    /**
     * The tracker's database of this run (from {@code --db} or {@code TASKQUEUE_DB_URL}, the password
     * from the URL or {@code TASKQUEUE_DB_PASSWORD}); opened on first use, closed at the end of the run.
     */
    public TrackerSession tracker(DatabaseOptions options) {
        if (trackerSession == null) {
            String url = options.url() != null ? options.url() : env.get(DatabaseOptions.URL_VARIABLE);
            if (url == null || url.isBlank()) {
                throw new CliException("no tracker database: pass --db (e.g. postgres://user@localhost:5432/app) or set "
                        + DatabaseOptions.URL_VARIABLE);
            }
            DatabaseUrl parsed = DatabaseUrl.parse(url, env.get(DatabaseOptions.PASSWORD_VARIABLE));
            trackerSession = new TrackerSession(parsed, options.schema(), settings.readOnly(), this::backendUrl, this);
        }
        return trackerSession;
    }

    /** Queue {@code name} on the backend of this run. */
    public JobQueue queue(String name) {
        return taskQueue().queue(name);
    }

    /** The backend URL with the prefix and the password from the environment applied; never printed as is. */
    String backendUrl() {
        String url = settings.url() != null ? settings.url() : env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new CliException("no backend: pass --url (e.g. redis://localhost:6379) or set " + URL_VARIABLE);
        }
        String password = env.get(PASSWORD_VARIABLE);
        int hosts = url.indexOf("://") + 3;
        if (password != null && !password.isEmpty() && hosts > 2 && !authority(url, hosts).contains("@")) {
            url = url.substring(0, hosts) + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@"
                    + url.substring(hosts);
        }
        if (settings.prefix() != null) {
            url += (url.contains("?") ? "&" : "?") + "prefix=" + URLEncoder.encode(settings.prefix(), StandardCharsets.UTF_8);
        }
        return url;
    }

    private static String authority(String url, int from) {
        int end = from;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(from, end);
    }

    /** How results are printed. */
    public Output output() {
        return output;
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return settings.json();
    }

    /** Standard error, for notes that are not results. */
    public PrintWriter err() {
        return terminal.err();
    }

    /** Whether a person is at a terminal (prompts and progress bars only then). */
    public boolean interactive() {
        return terminal.interactive();
    }

    /**
     * Fails with a clear message when the run is read-only; every command calls it before its first
     * write, so nothing reaches the server.
     */
    public void guardWrite(String what) {
        if (settings.readOnly()) {
            throw new CliException("read-only: refusing to " + what + " (run without --read-only to change anything)");
        }
    }

    /**
     * Asks before a destructive operation: {@code --yes} answers yes; without a terminal there is
     * nobody to ask, so it refuses; at a terminal only "y" or "yes" goes on.
     */
    public void confirm(String what) {
        guardWrite(what);
        if (settings.yes()) {
            return;
        }
        if (!terminal.interactive()) {
            throw new CliException("refusing to " + what + " without a terminal to confirm it: pass --yes");
        }
        terminal.out().print("About to " + what + ". Continue? [y/N] ");
        terminal.out().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new CliException("cannot read the answer: " + e.getMessage(), e);
        }
        String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        if (!a.equals("y") && !a.equals("yes")) {
            throw new CliException("cancelled: did not " + what);
        }
    }

    /** A progress report for a long operation: a bar at a terminal, nothing otherwise or with --json. */
    public Progress progress(String task, long total) {
        return interactive() && !json() ? Progress.bar(task, total, terminal.err()) : Progress.silent();
    }

    @Override
    public void close() {
        if (trackerSession != null) {
            trackerSession.close();
        }
        if (taskQueue != null) {
            taskQueue.close();
        }
        terminal.out().flush();
        terminal.err().flush();
    }
}
