package org.undervolt.nn.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf binary wire format (https://protobuf.dev/programming-guides/encoding/) from a
 * byte array: a sequence of {@code (tag, value)} records where the tag is {@code field << 3 | wire type}
 * and the wire type is 0 (varint), 1 (fixed 64-bit), 2 (length-delimited) or 5 (fixed 32-bit).
 * Groups (types 3 and 4, deprecated) are rejected.
 *
 * <p>Every read is bounds-checked against the enclosing message, so a truncated or corrupt file
 * ends in a {@link MalformedProtoException}, never in an out-of-bounds error or a huge allocation.
 * Usage: {@code while (r.next()) switch (r.field()) { case 1 -> ...; default -> r.skip(); }}.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int limit;
    private int field;
    private int wireType;

    ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private ProtoReader(byte[] buf, int from, int limit) {
        this.buf = buf;
        this.pos = from;
        this.limit = limit;
    }

    /** Advances to the next record; false at the end of this message. */
    boolean next() {
        if (pos >= limit) {
            return false;
        }
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > 0x1FFFFFFFL) {
            throw new MalformedProtoException("invalid field number " + (tag >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw new MalformedProtoException("unsupported wire type " + wireType + " for field " + field);
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    /** The current record's varint value. */
    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new MalformedProtoException("truncated varint");
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new MalformedProtoException("varint longer than 10 bytes");
    }

    int fixed32() {
        need(4);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** A length-delimited value as a reader over its bytes (for nested messages and packed arrays). */
    ProtoReader message() {
        int n = length();
        ProtoReader sub = new ProtoReader(buf, pos, pos + n);
        pos += n;
        return sub;
    }

    byte[] bytes() {
        int n = length();
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Whether this (sub-)reader has unread bytes; for packed arrays. */
    boolean hasRemaining() {
        return pos < limit;
    }

    /** Bytes left in this (sub-)reader. */
    int remaining() {
        return limit - pos;
    }

    /** Expects the current record to have this wire type. */
    void expect(int type, String what) {
        if (wireType != type) {
            throw new MalformedProtoException(what + " (field " + field + ") has wire type " + wireType + ", expected " + type);
        }
    }

    /** The current record as a varint field named {@code what} (for messages). */
    long varintField(String what) {
        expect(VARINT, what);
        return varint();
    }

    /** The current record as a string field. */
    String stringField(String what) {
        expect(LENGTH_DELIMITED, what);
        return string();
    }

    /** The current record as an embedded message. */
    ProtoReader messageField(String what) {
        expect(LENGTH_DELIMITED, what);
        return message();
    }

    /** Appends a repeated float field's value(s), packed or not. */
    void floats(java.util.List<Float> out) {
        if (wireType == LENGTH_DELIMITED) {
            ProtoReader p = message();
            if (p.remaining() % 4 != 0) {
                throw new MalformedProtoException("packed float field " + field + " length not a multiple of 4");
            }
            while (p.hasRemaining()) {
                out.add(Float.intBitsToFloat(p.fixed32()));
            }
        } else {
            expect(FIXED32, "float");
            out.add(Float.intBitsToFloat(fixed32()));
        }
    }

    /** Appends a repeated varint field's value(s), packed or not. */
    void varints(java.util.List<Long> out) {
        if (wireType == LENGTH_DELIMITED) {
            ProtoReader p = message();
            while (p.hasRemaining()) {
                out.add(p.varint());
            }
        } else {
            expect(VARINT, "integer");
            out.add(varint());
        }
    }

    /** Skips the current record's value. */
    void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> {
                need(8);
                pos += 8;
            }
            case FIXED32 -> {
                need(4);
                pos += 4;
            }
            case LENGTH_DELIMITED -> pos += length();
            default -> throw new MalformedProtoException("cannot skip wire type " + wireType);
        }
    }

    private int length() {
        long n = varint();
        if (n < 0 || n > limit - pos) {
            throw new MalformedProtoException("length " + n + " of field " + field + " runs past the end of its message ("
                    + (limit - pos) + " bytes left)");
        }
        return (int) n;
    }

    private void need(int n) {
        if (limit - pos < n) {
            throw new MalformedProtoException("truncated fixed-width value of field " + field);
        }
    }
}
