package io.taskqueue.cli;

import java.io.PrintWriter;
import java.io.Writer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a long operation: a bar on a terminal (progressbar), or nothing. */
public interface Progress extends AutoCloseable {
    /** Moves the bar by {@code n} steps. */
    void step(long n);

    @Override
    void close();

    /** Nothing is shown (no terminal, or --json). */
    static Progress silent() {
        return new Progress() {
            @Override
            public void step(long n) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A bar for {@code total} steps ({@code -1}: unknown) on {@code err}. */
    static Progress bar(String task, long total, PrintWriter err) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(new java.io.PrintStream(new WriterStream(err), true)))
                .build();
        return new Progress() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Bytes to a writer, so the bar shares standard error with the rest of the output. */
    final class WriterStream extends java.io.OutputStream {
        private final Writer writer;

        WriterStream(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws java.io.IOException {
            writer.flush();
        }
    }
}
