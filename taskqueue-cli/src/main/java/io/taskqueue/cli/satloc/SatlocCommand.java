package io.taskqueue.cli.satloc;

import picocli.CommandLine.Command;

/** {@code taskqueue satloc}: SatLoc aerial-application logs. */
@Command(name = "satloc", description = "Read SatLoc air logs: statistics, SVG maps, sample logs.",
        mixinStandardHelpOptions = true, subcommands = {SatlocStats.class, SatlocSimulate.class})
public final class SatlocCommand {
}
