package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.SimulationSettings;
import io.taskqueue.satloc.internal.Leg.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's exact trajectory: taxi, ferry, back-and-forth passes joined by bulb turns (the
 * tear-drop an agricultural aircraft flies to reverse onto the adjacent swath), ferry home, landing,
 * and a reload between loads. Pass geometry is kept in pass coordinates (u along, v across) so the
 * true covered area is an exact rectangle union.
 */
public final class FlightPlan {

    static final double TAXI_SPEED = 5;
    static final double FERRY_SPEED = 55;
    static final double TURN_SPEED = 48;
    static final double SPRAY_SPEED = 60;
    static final double TURN_RADIUS = 150;
    static final double LEAD_IN = 150;
    static final double LEAD_OUT = 100;
    static final long RELOAD_MILLIS = 90_000;

    private final List<Leg> legs = new ArrayList<>();
    private final List<double[]> swathRects = new ArrayList<>();
    private final double[][] field;
    private final double cos;
    private final double sin;
    private final double fx;
    private final double fy;
    private final double[][] fieldUv;

    public FlightPlan(SimulationSettings s) {
        double theta = Math.toRadians(s.passHeadingDeg());
        cos = Math.cos(theta);
        sin = Math.sin(theta);
        double bearing = Math.toRadians(s.fieldBearingDeg());
        fx = s.fieldDistanceM() * Math.sin(bearing);
        fy = s.fieldDistanceM() * Math.cos(bearing);
        double l = s.fieldLengthM();
        double w = s.fieldWidthM();
        fieldUv = new double[][] {{0, 0}, {l, 0}, {0.92 * l, w}, {0.06 * l, w}};
        field = new double[fieldUv.length][];
        for (int i = 0; i < fieldUv.length; i++) {
            field[i] = new double[] {x(fieldUv[i][0], fieldUv[i][1]), y(fieldUv[i][0], fieldUv[i][1])};
        }
        build(s);
        classify();
    }

    public List<Leg> legs() {
        return legs;
    }

    /** @return pass rectangles {u0, u1, v0, v1} */
    public double[][] swathRects() {
        return swathRects.toArray(new double[0][]);
    }

    /** @return field corners in local metres */
    public double[][] field() {
        return field;
    }

    private double x(double u, double v) {
        return fx + u * cos - v * sin;
    }

    private double y(double u, double v) {
        return fy + u * sin + v * cos;
    }

    private void build(SimulationSettings s) {
        double width = s.swathWidthM();
        double spacing = width * (1 - s.overlapFraction());
        int n = Math.max(1, (int) Math.ceil((s.fieldWidthM() - width) / spacing) + 1);
        List<double[]> passes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double v = width / 2 + k * spacing;
            double[] range = uRange(v);
            if (range != null) {
                passes.add(new double[] {range[0], range[1], v, k + 1});
            }
        }
        for (int r = 0; r < s.reflownPasses() && r < passes.size(); r++) {
            passes.add(passes.get(Math.min(passes.size() - 1, 2 + r * 3)).clone());
        }
        double[] strip = {0, 0};
        double[] takeoff = {100, 0}; // 20 s of taxi along the strip
        int loads = Math.min(s.sorties(), passes.size());
        int index = 0;
        for (int load = 0; load < loads; load++) {
            int count = (passes.size() - index) / (loads - load);
            legs.add(Leg.line(Kind.GROUND, strip[0], strip[1], takeoff[0], takeoff[1], TAXI_SPEED, 0));
            double[] pos = takeoff;
            for (int j = 0; j < count; j++, index++) {
                double[] p = passes.get(index);
                int d = index % 2 == 0 ? 1 : -1;
                double uStart = d > 0 ? p[0] : p[1];
                double uEnd = d > 0 ? p[1] : p[0];
                if (j == 0) {
                    double[] in = {x(uStart - d * LEAD_IN, p[2]), y(uStart - d * LEAD_IN, p[2])};
                    legs.add(Leg.line(Kind.FERRY, pos[0], pos[1], in[0], in[1], FERRY_SPEED, 0));
                    legs.add(Leg.line(Kind.TURN, in[0], in[1], x(uStart, p[2]), y(uStart, p[2]), TURN_SPEED, 0));
                }
                legs.add(Leg.line(Kind.SPRAY, x(uStart, p[2]), y(uStart, p[2]), x(uEnd, p[2]), y(uEnd, p[2]),
                        SPRAY_SPEED, (int) p[3]));
                swathRects.add(new double[] {p[0], p[1], p[2] - width / 2, p[2] + width / 2});
                if (j + 1 < count) {
                    turn(p, passes.get(index + 1), d, uEnd);
                } else {
                    double uOut = uEnd + d * LEAD_OUT;
                    legs.add(Leg.line(Kind.TURN, x(uEnd, p[2]), y(uEnd, p[2]), x(uOut, p[2]), y(uOut, p[2]),
                            TURN_SPEED, 0));
                    pos = new double[] {x(uOut, p[2]), y(uOut, p[2])};
                }
            }
            legs.add(Leg.line(Kind.FERRY, pos[0], pos[1], takeoff[0], takeoff[1], FERRY_SPEED, 0));
            legs.add(Leg.line(Kind.GROUND, takeoff[0], takeoff[1], strip[0], strip[1], TAXI_SPEED, 0));
            if (load + 1 < loads) {
                legs.add(Leg.stop(strip[0], strip[1], 0, RELOAD_MILLIS));
            }
        }
    }

    /** Lead-out, reversal onto the next pass line, lead-in to its spray start. */
    private void turn(double[] p, double[] next, int d, double uEnd) {
        int nd = -d;
        double fEnd = uEnd * d;
        double fNext = (nd > 0 ? next[0] : next[1]) * d;
        double lateral = (next[2] - p[2]) * d;
        int side = lateral >= 0 ? 1 : -1;
        List<Leg> shape = reversal(0, 0, 0, Math.abs(lateral), side);
        double forward = shape.get(shape.size() - 1).end()[0];
        double fStart = Math.max(fEnd + LEAD_OUT, fNext + LEAD_IN - forward);
        double heading = Math.atan2(d * sin, d * cos);
        double uTurn = fStart * d;
        legs.add(Leg.line(Kind.TURN, x(uEnd, p[2]), y(uEnd, p[2]), x(uTurn, p[2]), y(uTurn, p[2]), TURN_SPEED, 0));
        legs.addAll(reversal(x(uTurn, p[2]), y(uTurn, p[2]), heading, Math.abs(lateral), side));
        double[] e = legs.get(legs.size() - 1).end();
        double uNext = nd > 0 ? next[0] : next[1];
        legs.add(Leg.line(Kind.TURN, e[0], e[1], x(uNext, next[2]), y(uNext, next[2]), TURN_SPEED, 0));
    }

    /** Arcs that reverse the heading and shift it {@code lateral} metres to the {@code side}. */
    private static List<Leg> reversal(double x, double y, double h, double lateral, int side) {
        List<Leg> out = new ArrayList<>();
        if (lateral >= 2 * TURN_RADIUS) {
            out.add(Leg.arc(Kind.TURN, x, y, h, TURN_RADIUS, side, Math.PI / 2, TURN_SPEED));
            double[] a = out.get(0).end();
            double ex = a[0] + (lateral - 2 * TURN_RADIUS) * Math.cos(a[2]);
            double ey = a[1] + (lateral - 2 * TURN_RADIUS) * Math.sin(a[2]);
            if (lateral > 2 * TURN_RADIUS) {
                out.add(Leg.line(Kind.TURN, a[0], a[1], ex, ey, TURN_SPEED, 0));
            }
            out.add(Leg.arc(Kind.TURN, ex, ey, a[2], TURN_RADIUS, side, Math.PI / 2, TURN_SPEED));
            return out;
        }
        double lo = 0;
        double hi = Math.PI / 2;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            double reached = bulb(0, 0, 0, mid, 1).get(2).end()[1];
            if (reached > lateral) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return bulb(x, y, h, lo, side);
    }

    private static List<Leg> bulb(double x, double y, double h, double beta, int side) {
        List<Leg> out = new ArrayList<>(3);
        out.add(Leg.arc(Kind.TURN, x, y, h, TURN_RADIUS, -side, beta, TURN_SPEED));
        double[] a = out.get(0).end();
        out.add(Leg.arc(Kind.TURN, a[0], a[1], a[2], TURN_RADIUS, side, Math.PI + 2 * beta, TURN_SPEED));
        double[] b = out.get(1).end();
        out.add(Leg.arc(Kind.TURN, b[0], b[1], b[2], TURN_RADIUS, -side, beta, TURN_SPEED));
        return out;
    }

    private double[] uRange(double v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < fieldUv.length; i++) {
            double[] a = fieldUv[i];
            double[] b = fieldUv[(i + 1) % fieldUv.length];
            if ((a[1] <= v && v <= b[1] || b[1] <= v && v <= a[1]) && a[1] != b[1]) {
                double u = a[0] + (v - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
        }
        return hi - lo > 1 ? new double[] {lo, hi} : null;
    }

    /** Non-spraying airborne runs are turns only between two sprays without a landing. */
    private void classify() {
        int i = 0;
        while (i < legs.size()) {
            Kind k = legs.get(i).kind();
            if (k != Kind.FERRY && k != Kind.TURN) {
                i++;
                continue;
            }
            int j = i;
            while (j < legs.size() && (legs.get(j).kind() == Kind.FERRY || legs.get(j).kind() == Kind.TURN)) {
                j++;
            }
            boolean between = i > 0 && legs.get(i - 1).kind() == Kind.SPRAY && j < legs.size()
                    && legs.get(j).kind() == Kind.SPRAY;
            for (int m = i; m < j; m++) {
                legs.get(m).classify(between ? Kind.TURN : Kind.FERRY);
            }
            i = j;
        }
    }
}
