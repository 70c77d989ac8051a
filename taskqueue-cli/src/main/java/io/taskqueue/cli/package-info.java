/**
 * The {@code taskqueue} admin command line (picocli): one subcommand per file, grouped by what they
 * act on. {@link io.taskqueue.cli.TaskqueueCli} is the entry point; {@link io.taskqueue.cli.CliContext}
 * carries what the commands of one run share.
 */
package io.taskqueue.cli;
