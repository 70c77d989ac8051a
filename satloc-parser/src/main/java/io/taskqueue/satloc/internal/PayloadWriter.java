package io.taskqueue.satloc.internal;

import java.nio.charset.StandardCharsets;

/**
 * Builds one frame in a reusable buffer. Values are rounded to the layout's resolution and
 * range-checked; an out-of-range value is a caller error ({@link IllegalArgumentException} naming the field).
 */
final class PayloadWriter {

    private byte[] buf = new byte[256];
    private int pos;

    void start() {
        pos = SatlocFormat.FRAME_HEADER_LENGTH;
    }

    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    private int take(int n) {
        if (pos + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + n)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
        int at = pos;
        pos += n;
        return at;
    }

    private static long check(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " out of range [" + min + ", " + max + "]: " + v);
        }
        return v;
    }

    private static long scaled(String field, double v, double scale) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " is not finite: " + v);
        }
        return Math.round(v * scale);
    }

    // take() may replace buf, so every writer reserves first and indexes the current array after.
    void u8(String field, long v) {
        byte b = (byte) check(field, v, 0, 0xFF);
        int at = take(1);
        buf[at] = b;
    }

    void u16(String field, long v) {
        int x = (int) check(field, v, 0, 0xFFFF);
        int at = take(2);
        Bytes.putU16(buf, at, x);
    }

    void i16(String field, long v) {
        int x = (int) check(field, v, Short.MIN_VALUE, Short.MAX_VALUE);
        int at = take(2);
        Bytes.putU16(buf, at, x);
    }

    void i32(String field, long v) {
        int x = (int) check(field, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int at = take(4);
        Bytes.putI32(buf, at, x);
    }

    void u32(String field, long v) {
        int x = (int) check(field, v, 0, 0xFFFF_FFFFL);
        int at = take(4);
        Bytes.putI32(buf, at, x);
    }

    void u16(String field, double v, double scale) {
        u16(field, scaled(field, v, scale));
    }

    void i16(String field, double v, double scale) {
        i16(field, scaled(field, v, scale));
    }

    void i32(String field, double v, double scale) {
        i32(field, scaled(field, v, scale));
    }

    void u32(String field, double v, double scale) {
        u32(field, scaled(field, v, scale));
    }

    void u8(String field, double v, double scale) {
        u8(field, scaled(field, v, scale));
    }

    void bool(boolean v) {
        int at = take(1);
        buf[at] = (byte) (v ? 1 : 0);
    }

    void timestamp(long epochMillis) {
        int at = take(SatlocFormat.TIMESTAMP_LENGTH);
        LogTime.encode(epochMillis, buf, at);
    }

    void string(String field, String s) {
        bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    void ascii(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                throw new IllegalArgumentException(field + " must be ASCII");
            }
        }
        bytes(field, s.getBytes(StandardCharsets.US_ASCII));
    }

    private void bytes(String field, byte[] b) {
        if (b.length > 255) {
            throw new IllegalArgumentException(field + " longer than 255 bytes");
        }
        int at = take(1 + b.length);
        buf[at] = (byte) b.length;
        System.arraycopy(b, 0, buf, at + 1, b.length);
    }

    void raw(byte[] b) {
        int at = take(b.length);
        System.arraycopy(b, 0, buf, at, b.length);
    }
}
