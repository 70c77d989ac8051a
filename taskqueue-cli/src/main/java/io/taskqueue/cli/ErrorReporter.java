package io.taskqueue.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one line ({@code taskqueue: <what>: <cause>}) and returns
 * {@link TaskqueueCli#FAILED}; a stack trace would hide the reason from an operator.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("taskqueue: " + describe(e));
        commandLine.getErr().flush();
        return TaskqueueCli.FAILED;
    }

    /** The message, followed by the deepest cause's when it adds something. */
    static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return message.replace('\n', ' ');
    }
}
