package io.taskqueue.satloc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParseBenchmark} in rounds and prints MB/s per benchmark (median and range over all
 * measured iterations), the parse/raw ratio of each round and the median of those ratios.
 *
 * <p>Why rounds: the benchmark box is shared (2 cores, other builds running), so its load drifts
 * within a minute. Running all of one benchmark and then all of the other let that drift land on
 * one side of the ratio. Each round runs both benchmarks back to back, alternating which goes first,
 * and the ratio is taken within a round. Usage: {@code run.sh [rounds]}, default 3.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path file = LogFixture.ensure();
        double mb = Files.size(file) / 1e6;
        List<Double> parse = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            boolean parseFirst = round % 2 == 0;
            double[] first = run(parseFirst ? "parse" : "rawRead", mb);
            double[] second = run(parseFirst ? "rawRead" : "parse", mb);
            double[] p = parseFirst ? first : second;
            double[] r = parseFirst ? second : first;
            Arrays.stream(p).forEach(parse::add);
            Arrays.stream(r).forEach(raw::add);
            ratios[round] = median(p) / median(r) * 100;
        }
        System.out.printf(Locale.ROOT, "%nfile: %s, %.1f MB; %s, %d CPUs; %d rounds%n", file, mb,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), rounds);
        print("parse", parse);
        print("rawRead", raw);
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "ratio parse/raw per round: %s; median %.1f %%%n",
                Arrays.toString(Arrays.stream(ratios).map(v -> Math.round(v * 10) / 10.0).toArray()),
                ratios[ratios.length / 2]);
    }

    /** One fork of one benchmark: 3 x 2 s warm-up, 5 x 2 s measured, fixed 1 GiB heap. */
    private static double[] run(String benchmark, double mb) throws RunnerException {
        // A fixed 1 GiB heap for both benchmarks: with the default heap sizing on this 2-core box, G1
        // resizing made parse iterations vary by 2x; the raw read allocates nothing and is unaffected.
        Options opt = new OptionsBuilder().include(ParseBenchmark.class.getSimpleName() + "\\." + benchmark + "$")
                .forks(1).jvmArgsAppend("-Xms1g", "-Xmx1g")
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).build();
        RunResult result = new Runner(opt).runSingle();
        return result.getBenchmarkResults().stream().flatMap(b -> b.getIterationResults().stream())
                .map(IterationResult::getPrimaryResult).mapToDouble(x -> mb / (x.getScore() / 1000.0)).toArray();
    }

    private static void print(String name, List<Double> mbps) {
        double[] v = mbps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-8s median %8.1f MB/s  range %8.1f .. %8.1f MB/s  (%d iterations)%n",
                name, median(v), v[0], v[v.length - 1], v.length);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
