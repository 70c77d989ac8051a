package io.taskqueue.satloc.internal;

/**
 * One piece of a simulated trajectory in local metres: a straight line or a circular arc flown at
 * constant speed. Durations are whole milliseconds (the log's resolution) and the speed is derived
 * from them, so sampled times and the ground truth agree exactly.
 */
public final class Leg {

    /** What the aircraft is doing on a leg; turn versus ferry is decided afterwards by {@link FlightPlan}. */
    public enum Kind { GROUND, FERRY, TURN, SPRAY }

    private final Kind kind;
    private final double x0;
    private final double y0;
    private final double heading0;
    private final double length;
    private final double radius;
    private final int turn;
    private final long durationMillis;
    private final int swath;
    private double cx;
    private double cy;
    private double a0;
    private Kind classified;

    private Leg(Kind kind, double x0, double y0, double heading0, double length, double radius, int turn,
            long durationMillis, int swath) {
        this.kind = kind;
        this.classified = kind;
        this.x0 = x0;
        this.y0 = y0;
        this.heading0 = heading0;
        this.length = length;
        this.radius = radius;
        this.turn = turn;
        this.durationMillis = durationMillis;
        this.swath = swath;
        if (turn != 0) {
            cx = x0 + radius * Math.cos(heading0 + turn * Math.PI / 2);
            cy = y0 + radius * Math.sin(heading0 + turn * Math.PI / 2);
            a0 = heading0 - turn * Math.PI / 2;
        }
    }

    /** A straight leg from (x0,y0) to (x1,y1); heading is the math angle of travel. */
    public static Leg line(Kind kind, double x0, double y0, double x1, double y1, double speed, int swath) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        return new Leg(kind, x0, y0, Math.atan2(y1 - y0, x1 - x0), len, 0, 0, millis(len, speed), swath);
    }

    /** Standing still at (x, y) for {@code durationMillis}. */
    public static Leg stop(double x, double y, double heading, long durationMillis) {
        return new Leg(Kind.GROUND, x, y, heading, 0, 0, 0, durationMillis, 0);
    }

    /** An arc turning left ({@code turn} = 1) or right (-1) through {@code sweep} radians. */
    public static Leg arc(Kind kind, double x0, double y0, double heading0, double radius, int turn, double sweep,
            double speed) {
        double len = radius * sweep;
        return new Leg(kind, x0, y0, heading0, len, radius, turn, millis(len, speed), 0);
    }

    private static long millis(double len, double speed) {
        return Math.max(1, Math.round(len / speed * 1000));
    }

    public Kind kind() {
        return kind;
    }

    /** @return the kind after ferry/turn classification */
    public Kind classified() {
        return classified;
    }

    void classify(Kind k) {
        classified = k;
    }

    public double length() {
        return length;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public double speed() {
        return length / (durationMillis / 1000.0);
    }

    public int swath() {
        return swath;
    }

    public double radius() {
        return radius;
    }

    public int turn() {
        return turn;
    }

    /** @return {x, y, heading} after {@code millis} on this leg */
    public double[] pose(long millis) {
        double s = length * millis / durationMillis;
        if (turn == 0) {
            return new double[] {x0 + s * Math.cos(heading0), y0 + s * Math.sin(heading0), heading0};
        }
        double a = a0 + turn * s / radius;
        return new double[] {cx + radius * Math.cos(a), cy + radius * Math.sin(a), a + turn * Math.PI / 2};
    }

    /** @return the pose at the end of the leg */
    public double[] end() {
        return pose(durationMillis);
    }
}
