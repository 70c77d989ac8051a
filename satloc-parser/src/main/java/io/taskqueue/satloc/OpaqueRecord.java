package io.taskqueue.satloc;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A record whose payload the library does not decode: a registered type without a known layout,
 * or (when writing test fixtures) any other id. The payload excludes the frame and checksum.
 *
 * @param typeId record type id, 0..255
 * @param payload raw payload bytes; copied in and out so the record stays immutable
 */
public record OpaqueRecord(int typeId, byte[] payload) implements LogRecord {

    /** Validates the id and copies the payload. */
    public OpaqueRecord {
        if (typeId < 0 || typeId > 255) {
            throw new IllegalArgumentException("typeId must be 0..255: " + typeId);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the payload length without copying it */
    public int payloadLength() {
        return payload.length;
    }

    // Arrays compare by identity in generated record methods; value semantics need content equality.
    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueRecord other && other.typeId == typeId && Arrays.equals(other.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * typeId + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "OpaqueRecord[typeId=" + typeId + ", payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
