package io.taskqueue.example.satloc;

import io.taskqueue.satloc.FlightSimulator;
import io.taskqueue.satloc.FlightStatistics;
import io.taskqueue.satloc.FlightStatisticsCalculator;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.JobRing;
import io.taskqueue.satloc.SatlocParser;
import io.taskqueue.satloc.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test files: a data directory holding logs the library's simulator flew, and broken ones. */
final class Uploads {
    /** A small field (200 m by 60 m, one load): a log of a few hundred kilobytes, parsed in a blink. */
    static final SimulationSettings SMALL = SimulationSettings.defaults().withField(200, 60, 1);
    final Path dir;
    /** The files the worker opened, through {@link #opener}. */
    final List<Path> opened = new CopyOnWriteArrayList<>();

    Uploads(Path dir) {
        this.dir = dir;
    }

    /** An opener that records every file before opening it as the worker would. */
    FileOpener opener() {
        return file -> {
            opened.add(file);
            return FileOpener.NO_FOLLOW.open(file);
        };
    }

    /** Flies {@code settings} into {@code name} and writes its job file next to it as {@code <name>.job}. */
    GroundTruth flight(String name, SimulationSettings settings) throws IOException {
        Path log = dir.resolve(name);
        Files.createDirectories(log.getParent());
        FlightSimulator simulator = new FlightSimulator(settings);
        GroundTruth truth = simulator.writeLog(log);
        new JobFile(settings.jobId(), settings.jobName(), List.of(new JobRing("field", true, simulator.field())))
                .write(dir.resolve(name + ".job"));
        return truth;
    }

    /** The statistics the library computes for {@code name} on its own, for comparison. */
    FlightStatistics expected(String name) throws IOException {
        FlightStatisticsCalculator calculator = new FlightStatisticsCalculator();
        SatlocParser.create().parse(dir.resolve(name), calculator);
        return calculator.result();
    }

    /** Writes {@code bytes} to {@code name}. */
    Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A SatLoc header over nothing but damage: every byte after the 16-byte header zeroed. */
    Path headerOverDamage(String name) throws IOException {
        flight(name, SMALL);
        Path log = dir.resolve(name);
        byte[] bytes = Files.readAllBytes(log);
        Arrays.fill(bytes, 16, bytes.length, (byte) 0);
        return Files.write(log, bytes);
    }

    /** The paths the worker opened, as set for order-free comparison. */
    Set<Path> openedSet() {
        return Set.copyOf(opened);
    }
}
