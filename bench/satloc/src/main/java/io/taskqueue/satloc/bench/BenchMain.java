package io.taskqueue.satloc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParseBenchmark} (1 fork, 3 warm-up and 5 measured iterations, 1 GiB heap) and prints MB/s
 * per benchmark (median and range over the measured iterations) and the parse/raw ratio of the medians.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = LogFixture.ensure();
        double mb = Files.size(file) / 1e6;
        // A fixed 1 GiB heap for both benchmarks: with the default heap sizing on this 2-core box, G1
        // resizing made parse iterations vary by 2x; the raw read allocates nothing and is unaffected.
        Options opt = new OptionsBuilder().include(ParseBenchmark.class.getSimpleName()).forks(1)
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(4)).build();
        Collection<RunResult> results = new Runner(opt).run();
        double raw = 0;
        double parse = 0;
        System.out.printf(Locale.ROOT, "%nfile: %s, %.1f MB; %s, %d CPUs%n", file, mb,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (RunResult r : results) {
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                double[] mbps = b.getIterationResults().stream().map(IterationResult::getPrimaryResult)
                        .mapToDouble(x -> mb / (x.getScore() / 1000.0)).sorted().toArray();
                double median = mbps[mbps.length / 2];
                String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
                System.out.printf(Locale.ROOT, "%-8s median %8.1f MB/s  range %8.1f .. %8.1f MB/s  (per iteration: %s)%n",
                        name, median, mbps[0], mbps[mbps.length - 1], Arrays.toString(
                                Arrays.stream(mbps).map(v -> Math.round(v * 10) / 10.0).toArray()));
                if (name.equals("rawRead")) {
                    raw = median;
                } else if (name.equals("parse")) {
                    parse = median;
                }
            }
        }
        System.out.printf(Locale.ROOT, "ratio parse/raw (medians): %.1f %%%n", parse / raw * 100);
    }
}
