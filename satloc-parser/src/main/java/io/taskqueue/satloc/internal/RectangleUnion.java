package io.taskqueue.satloc.internal;

import java.util.Arrays;

/**
 * Exact area of a union of axis-aligned rectangles by slab decomposition. The simulator uses it for
 * the true covered area: its passes are parallel, so in pass coordinates every swath is axis-aligned.
 */
public final class RectangleUnion {

    private RectangleUnion() {
    }

    /** Each rectangle is {u0, u1, v0, v1}. */
    public static double area(double[][] rects) {
        double[] vs = new double[rects.length * 2];
        for (int i = 0; i < rects.length; i++) {
            vs[2 * i] = rects[i][2];
            vs[2 * i + 1] = rects[i][3];
        }
        Arrays.sort(vs);
        double total = 0;
        for (int k = 0; k + 1 < vs.length; k++) {
            double lo = vs[k];
            double hi = vs[k + 1];
            if (hi <= lo) {
                continue;
            }
            double mid = (lo + hi) / 2;
            double[][] spans = Arrays.stream(rects).filter(r -> r[2] <= mid && mid < r[3])
                    .map(r -> new double[] {r[0], r[1]}).sorted((a, b) -> Double.compare(a[0], b[0]))
                    .toArray(double[][]::new);
            double covered = 0;
            double end = Double.NEGATIVE_INFINITY;
            for (double[] s : spans) {
                double from = Math.max(s[0], end);
                if (s[1] > from) {
                    covered += s[1] - from;
                }
                end = Math.max(end, s[1]);
            }
            total += covered * (hi - lo);
        }
        return total;
    }
}
