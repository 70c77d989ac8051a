package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.LocalProjection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a self-contained SVG map: the field rings (holes cut out), the track coloured by spray
 * on/off, a legend and a scale bar. No dependencies; the output opens in any browser.
 */
public final class FlightMap {

    private static final double WIDTH = 1000;
    private static final double MAX_HEIGHT = 1400;
    private static final double MARGIN = 40;
    private static final double HEADER = 40;
    private static final double MIN_STEP_PX = 0.75;

    private FlightMap() {
    }

    /**
     * @param track fixes to draw (may be empty)
     * @param field job-file rings to draw underneath (may be empty)
     * @param title text for the header, e.g. job and pilot
     * @return SVG document text
     */
    public static String render(FlightTrack track, List<JobRing> field, String title) {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(field, "field");
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < track.size(); i++) {
            grow(box, track.latitude(i), track.longitude(i));
        }
        for (JobRing r : field) {
            for (GeoPoint p : r.vertices()) {
                grow(box, p.latitude(), p.longitude());
            }
        }
        if (box[0] > box[2]) {
            box = new double[] {0, 0, 0, 0};
        }
        LocalProjection proj = new LocalProjection((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
        double minX = proj.x(box[0], box[1]);
        double maxX = proj.x(box[2], box[3]);
        double minY = proj.y(box[0], box[1]);
        double maxY = proj.y(box[2], box[3]);
        double spanX = Math.max(maxX - minX, 1);
        double spanY = Math.max(maxY - minY, 1);
        double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (MAX_HEIGHT - 2 * MARGIN - HEADER) / spanY);
        double height = spanY * scale + 2 * MARGIN + HEADER;
        Canvas c = new Canvas(proj, minX, maxY, scale, MARGIN, MARGIN + HEADER);
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"13\">\n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(MARGIN).append("\" y=\"26\" font-size=\"16\">")
                .append(escape(title)).append("</text>\n");
        if (!field.isEmpty()) {
            svg.append("<path fill=\"#fff3c4\" fill-rule=\"evenodd\" stroke=\"#b58900\" stroke-width=\"1.5\" d=\"");
            for (JobRing r : field) {
                char cmd = 'M';
                for (GeoPoint p : r.vertices()) {
                    svg.append(cmd).append(c.px(p.latitude(), p.longitude())).append(',')
                            .append(c.py(p.latitude(), p.longitude())).append(' ');
                    cmd = 'L';
                }
                svg.append("Z ");
            }
            svg.append("\"/>\n");
        }
        track(svg, track, c);
        legend(svg, height);
        scaleBar(svg, scale, height);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void grow(double[] box, double lat, double lon) {
        box[0] = Math.min(box[0], lat);
        box[1] = Math.min(box[1], lon);
        box[2] = Math.max(box[2], lat);
        box[3] = Math.max(box[3], lon);
    }

    private static void track(StringBuilder svg, FlightTrack t, Canvas c) {
        int i = 0;
        while (i + 1 < t.size()) {
            boolean on = t.sprayOn(i);
            int j = i + 1;
            while (j + 1 < t.size() && t.sprayOn(j) == on) {
                j++;
            }
            // A run covers fixes i..j: the state of fix i holds until fix j, so j is shared with the next run.
            svg.append(on ? "<polyline fill=\"none\" stroke=\"#1a9850\" stroke-width=\"2.2\" points=\""
                    : "<polyline fill=\"none\" stroke=\"#888888\" stroke-width=\"1\" points=\"");
            double lx = Double.NaN;
            double ly = Double.NaN;
            for (int k = i; k <= j; k++) {
                double x = c.x(t.latitude(k), t.longitude(k));
                double y = c.y(t.latitude(k), t.longitude(k));
                if (k == i || k == j || Math.hypot(x - lx, y - ly) >= MIN_STEP_PX) {
                    svg.append(Canvas.fmt(x)).append(',').append(Canvas.fmt(y)).append(' ');
                    lx = x;
                    ly = y;
                }
            }
            svg.append("\"/>\n");
            i = j;
        }
    }

    private static void legend(StringBuilder svg, double height) {
        double y = height - 18;
        double x = WIDTH - 260;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#1a9850\" "
                + "stroke-width=\"3\"/><text x=\"%.0f\" y=\"%.0f\">spray on</text>\n", x, y - 4, x + 24, y - 4, x + 30, y));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888888\" "
                + "stroke-width=\"1\"/><text x=\"%.0f\" y=\"%.0f\">spray off</text>\n", x + 110, y - 4, x + 134, y - 4,
                x + 140, y));
    }

    private static void scaleBar(StringBuilder svg, double pxPerM, double height) {
        double target = (WIDTH - 2 * MARGIN) / 5 / pxPerM;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double nice = target / pow >= 5 ? 5 * pow : target / pow >= 2 ? 2 * pow : pow;
        double len = nice * pxPerM;
        double y = height - 22;
        String label = nice >= 1000 ? fmtNum(nice / 1000) + " km" : fmtNum(nice) + " m";
        svg.append(String.format(Locale.ROOT, "<g stroke=\"#000000\" stroke-width=\"2\"><line x1=\"%.1f\" y1=\"%.1f\" "
                + "x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" "
                + "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g><text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                MARGIN, y, MARGIN + len, y, MARGIN, y - 5, MARGIN, y + 5, MARGIN + len, y - 5, MARGIN + len, y + 5,
                MARGIN + len + 8, y + 4, label));
    }

    private static String fmtNum(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch < 0x20 && ch != '\t' ? ' ' : ch);
            }
        }
        return b.toString();
    }

    /** Maps WGS84 to SVG pixels (y grows downwards). */
    private record Canvas(LocalProjection proj, double minX, double maxY, double scale, double left, double top) {

        double x(double lat, double lon) {
            return left + (proj.x(lat, lon) - minX) * scale;
        }

        double y(double lat, double lon) {
            return top + (maxY - proj.y(lat, lon)) * scale;
        }

        String px(double lat, double lon) {
            return fmt(x(lat, lon));
        }

        String py(double lat, double lon) {
            return fmt(y(lat, lon));
        }

        static String fmt(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
