package io.taskqueue.satloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A SatLoc text job file (docs/satloc-format.md §8): {@code .JOB <number> <NAME>}, {@code .VERSION 2},
 * then per ring {@code .POL <i> <label>}, a line {@code INC} or {@code EXC}, and one
 * {@code <lat> <lon>} line per vertex with 6 decimals, ring closed, CRLF line ends. Ring contents
 * are indented by a tab (project reading of "lines indented by a tab").
 *
 * @param jobNumber job number, one word; also the file name ({@code <jobNumber>.job})
 * @param name job name, may contain spaces but no line breaks
 * @param rings boundary and hole rings, in file order
 */
public record JobFile(String jobNumber, String name, List<JobRing> rings) {

    private static final String CRLF = "\r\n";

    /** Validates the header fields and copies the rings. */
    public JobFile {
        Objects.requireNonNull(jobNumber, "jobNumber");
        Objects.requireNonNull(name, "name");
        if (jobNumber.isEmpty() || jobNumber.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("jobNumber must be one non-empty word: '" + jobNumber + "'");
        }
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || !name.equals(name.strip())) {
            throw new IllegalArgumentException("name must be one line without surrounding blanks");
        }
        rings = List.copyOf(rings);
    }

    /** @return the file text with CRLF line ends */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(".JOB ").append(jobNumber);
        if (!name.isEmpty()) {
            b.append(' ').append(name);
        }
        b.append(CRLF).append(".VERSION 2").append(CRLF);
        int i = 1;
        for (JobRing r : rings) {
            b.append(".POL ").append(i++).append(' ').append(r.label()).append(CRLF);
            b.append('\t').append(r.inclusion() ? "INC" : "EXC").append(CRLF);
            for (GeoPoint p : r.vertices()) {
                vertex(b, p);
            }
            vertex(b, r.vertices().get(0));
        }
        return b.toString();
    }

    private static void vertex(StringBuilder b, GeoPoint p) {
        b.append('\t').append(String.format(Locale.ROOT, "%.6f %.6f", p.latitude(), p.longitude())).append(CRLF);
    }

    /** Writes {@link #format()} as ASCII/UTF-8. */
    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a job file; LF-only files are accepted too.
     *
     * @throws IOException when the file cannot be read
     * @throws SatlocFormatException when it is not UTF-8 text (at the first byte that is not) or not
     *     a job file
     */
    public static JobFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, text, true);
        if (result.isError()) {
            // Files.readString would say only "Input length = 1": name the problem and where it is.
            throw new SatlocFormatException(in.position(), "job file: not UTF-8 text");
        }
        decoder.flush(text);
        return parse(text.flip().toString());
    }

    /**
     * Parses job-file text.
     *
     * @throws SatlocFormatException with the offset of the offending line
     */
    public static JobFile parse(String text) {
        return new JobFileParser(text).parse();
    }
}
