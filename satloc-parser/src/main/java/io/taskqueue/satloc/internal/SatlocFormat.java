package io.taskqueue.satloc.internal;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The binary layout this library reads and writes, in one place.
 *
 * <p><b>Project assumption — not byte-compatible with real SatLoc logs.</b> Only the record ids and
 * the two position sizes (43 and 78 bytes, both type 1) are public facts; the header, framing,
 * checksum, byte order, timestamp and field layouts are choices documented in
 * {@code docs/satloc-format.md}.
 */
public final class SatlocFormat {

    /** File magic, ASCII "SLOG". */
    public static final byte[] MAGIC = {'S', 'L', 'O', 'G'};
    /** Format version written (3.76 times 100, the document version the AgMission parser names). */
    public static final int FORMAT_VERSION = 376;
    /** Oldest and newest accepted versions: any 3.xx. */
    public static final int MIN_VERSION = 300;
    public static final int MAX_VERSION = 399;
    /** Header length written; a reader skips any extra header bytes up to {@link #MAX_HEADER_LENGTH}. */
    public static final int HEADER_LENGTH = 16;
    public static final int MAX_HEADER_LENGTH = 4096;
    /** Checksum algorithm id in the header: CRC-32C (Castagnoli). */
    public static final int CHECKSUM_CRC32C = 1;

    /** Two sync bytes open every frame; two bytes make false sync points rare in random data. */
    public static final byte SYNC_0 = (byte) 0xA5;
    public static final byte SYNC_1 = (byte) 0x5A;
    /** sync(2) + type(1) + length(2). */
    public static final int FRAME_HEADER_LENGTH = 5;
    public static final int CHECKSUM_LENGTH = 4;
    public static final int FRAME_OVERHEAD = FRAME_HEADER_LENGTH + CHECKSUM_LENGTH;
    /** The length field is u16 and counts the whole frame. */
    public static final int MAX_FRAME_LENGTH = 0xFFFF;

    /** Public fact: type 1 is the position record, in a short and an enhanced form. */
    public static final int POSITION_TYPE = 1;
    /** Public fact: the short position record is 43 bytes in total. */
    public static final int SHORT_POSITION_LENGTH = 43;
    /** Public fact: the enhanced position record is 78 bytes in total. */
    public static final int ENHANCED_POSITION_LENGTH = 78;
    public static final int SHORT_POSITION_PAYLOAD = SHORT_POSITION_LENGTH - FRAME_OVERHEAD;
    public static final int ENHANCED_POSITION_PAYLOAD = ENHANCED_POSITION_LENGTH - FRAME_OVERHEAD;

    public static final int TIMESTAMP_LENGTH = 8;
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private SatlocFormat() {
    }

    /** @return a fresh 16-byte file header for the current version */
    public static byte[] header() {
        byte[] h = new byte[HEADER_LENGTH];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        Bytes.putU16(h, 4, FORMAT_VERSION);
        Bytes.putU16(h, 6, HEADER_LENGTH);
        h[8] = CHECKSUM_CRC32C;
        Bytes.putI32(h, 12, crc(h, 0, 12));
        return h;
    }

    /** @return CRC-32C of the given range */
    public static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }
}
