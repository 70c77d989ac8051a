package io.taskqueue.satloc.internal;

/**
 * Fixed-point scale factors of the layout. Decoding divides by the factor, encoding multiplies
 * and rounds, so a value on the grid survives a round trip exactly.
 */
final class Scale {

    static final double DEG = 1e7;
    static final double MILLI = 1000.0;
    static final double CENTI = 100.0;
    static final double DECI = 10.0;

    private Scale() {
    }
}
