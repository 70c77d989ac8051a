package io.taskqueue.satloc.bench;

import io.taskqueue.satloc.LogRecord;
import io.taskqueue.satloc.ParseSummary;
import io.taskqueue.satloc.SatlocParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput next to a plain sequential read of the same file in the same run. Both read
 * through a FileChannel into a 64 KiB heap buffer, the parser's own buffer size, so the difference
 * is the cost of framing, checksums and decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmark {

    private Path file;
    private final SatlocParser parser = SatlocParser.create();

    @Setup
    public void setup() throws IOException {
        file = LogFixture.ensure();
    }

    @Benchmark
    public long rawRead() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long sum = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                // Touch every byte, as the parser must, so the baseline is not just a copy.
                while (buf.remaining() >= 8) {
                    sum += buf.getLong();
                }
                while (buf.hasRemaining()) {
                    sum += buf.get();
                }
                buf.clear();
            }
        }
        return sum;
    }

    @Benchmark
    public ParseSummary parse(Blackhole bh) throws IOException {
        return parser.parse(file, (List<LogRecord> batch) -> bh.consume(batch));
    }
}
