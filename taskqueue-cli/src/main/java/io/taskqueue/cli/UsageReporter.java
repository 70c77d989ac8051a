package io.taskqueue.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A command line that does not parse: the reason, the command's usage, and {@link TaskqueueCli#USAGE}. */
final class UsageReporter implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("taskqueue: " + e.getMessage());
        commandLine.usage(commandLine.getErr());
        commandLine.getErr().flush();
        return TaskqueueCli.USAGE;
    }
}
