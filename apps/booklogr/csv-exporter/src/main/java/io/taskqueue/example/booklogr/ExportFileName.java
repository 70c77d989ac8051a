package io.taskqueue.example.booklogr;

import java.nio.charset.StandardCharsets;

/**
 * The export file's name: {@code books-<ownerId>-<jobId>.csv}. Keyed on the job, so that every
 * attempt of one task writes (and records) the same file, and a retry replaces instead of adding.
 *
 * <p>Job ids are chosen by producers and may hold any character; letters, digits, {@code -} and
 * {@code _} are kept and every other byte is written {@code %XX}. That cannot make a path separator
 * or {@code ..}, and two different job ids never share a name.
 */
final class ExportFileName {
    /** The longest name written: file systems stop at 255 bytes. */
    static final int MAX_LENGTH = 200;

    private ExportFileName() {
    }

    /**
     * The file name for {@code ownerId}'s export made by job {@code jobId}.
     *
     * @throws IllegalArgumentException when the job id is so long that the name would pass {@link #MAX_LENGTH}
     */
    static String of(long ownerId, String jobId) {
        StringBuilder name = new StringBuilder("books-").append(ownerId).append('-');
        for (byte b : jobId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        name.append(".csv");
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("job id too long for an export file name (" + name.length()
                    + " characters, at most " + MAX_LENGTH + ")");
        }
        return name.toString();
    }
}
