package io.taskqueue.satloc;

import java.util.ArrayList;
import java.util.List;

/** Line parser behind {@link JobFile#parse(String)}; offsets in errors are character offsets of the line. */
final class JobFileParser {

    private final String text;
    private int pos;
    private long lineOffset;

    JobFileParser(String text) {
        this.text = text;
    }

    /** @return the next non-blank line, trimmed, or null at the end */
    private String line() {
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            lineOffset = pos;
            String l = text.substring(pos, end).strip();
            pos = end + 1;
            if (!l.isEmpty()) {
                return l;
            }
        }
        lineOffset = text.length();
        return null;
    }

    private SatlocFormatException bad(String msg) {
        return new SatlocFormatException(lineOffset, "job file: " + msg);
    }

    JobFile parse() {
        String first = line();
        if (first == null || !first.startsWith(".JOB ")) {
            throw bad("expected '.JOB <number> <name>'");
        }
        String[] head = first.substring(5).strip().split("\\s+", 2);
        String number = head[0];
        String name = head.length > 1 ? head[1] : "";
        String version = line();
        if (version == null || !version.matches("\\.VERSION\\s+2")) {
            throw bad("expected '.VERSION 2'");
        }
        List<JobRing> rings = new ArrayList<>();
        String l = line();
        while (l != null) {
            String[] pol = l.split("\\s+");
            if (pol.length != 3 || !pol[0].equals(".POL")) {
                throw bad("expected '.POL <i> <label>'");
            }
            String kind = line();
            if (!"INC".equals(kind) && !"EXC".equals(kind)) {
                throw bad("expected INC or EXC");
            }
            List<GeoPoint> vertices = new ArrayList<>();
            l = line();
            while (l != null && !l.startsWith(".")) {
                vertices.add(vertex(l));
                l = line();
            }
            if (vertices.size() > 1 && vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
                vertices.remove(vertices.size() - 1);
            }
            if (vertices.size() < 3) {
                throw bad("ring " + pol[2] + " has fewer than 3 vertices");
            }
            rings.add(new JobRing(pol[2], "INC".equals(kind), vertices));
        }
        try {
            return new JobFile(number, name, rings);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private GeoPoint vertex(String l) {
        String[] parts = l.split("\\s+");
        if (parts.length != 2) {
            throw bad("expected '<lat> <lon>'");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (IllegalArgumentException e) {
            throw bad("bad vertex '" + l + "'");
        }
    }
}
