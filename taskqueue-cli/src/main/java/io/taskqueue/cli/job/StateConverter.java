package io.taskqueue.cli.job;

import io.taskqueue.JobState;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --state} as BullMQ's state names ({@code waiting}, {@code failed},
 * {@code waiting-children}, ...), so that the command line speaks the same words as the dashboards;
 * a wrong name is a usage error that lists the right ones.
 */
final class StateConverter implements ITypeConverter<JobState> {
    /** The names accepted, in state order. */
    static final String NAMES = Arrays.stream(JobState.values()).filter(s -> s != JobState.UNKNOWN)
            .map(JobState::wireName).collect(Collectors.joining(", "));

    @Override
    public JobState convert(String value) {
        try {
            JobState state = JobState.fromWireName(value);
            if (state != JobState.UNKNOWN) {
                return state;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message that lists the names
        }
        throw new TypeConversionException("unknown state '" + value + "' (one of: " + NAMES + ")");
    }
}
