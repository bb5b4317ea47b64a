package org.undervolt.nn.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the protobuf binary wire format (the inverse of {@link ProtoReader}). A nested message is
 * built in its own writer and embedded with {@link #message}, which writes its length first.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        rawVarint(value);
        return this;
    }

    ProtoWriter fixed32(int field, int value) {
        tag(field, ProtoReader.FIXED32);
        rawFixed32(value);
        return this;
    }

    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytes(int field, byte[] b) {
        tag(field, ProtoReader.LENGTH_DELIMITED);
        rawVarint(b.length);
        out.writeBytes(b);
        return this;
    }

    ProtoWriter message(int field, ProtoWriter sub) {
        return bytes(field, sub.toByteArray());
    }

    /** A packed repeated varint field ({@code repeated int64} with {@code packed = true}). */
    ProtoWriter packedVarints(int field, long[] values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toByteArray());
    }

    /** A packed repeated float field. */
    ProtoWriter packedFloats(int field, float[] values) {
        ProtoWriter p = new ProtoWriter();
        for (float v : values) {
            p.rawFixed32(Float.floatToRawIntBits(v));
        }
        return bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawFixed32(int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
