package org.undervolt.nn.onnx;

import org.undervolt.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Encodes an {@link OnnxModel} as a serialized {@code onnx.ModelProto} (the inverse of
 * {@link OnnxReader}). Tensors are written as little-endian {@code raw_data}; graph inputs and
 * outputs carry FLOAT tensor types with their dimensions ({@code dim_param} where symbolic).
 */
public final class OnnxWriter {
    private OnnxWriter() {
    }

    /** The serialized model. */
    public static byte[] encode(OnnxModel model) {
        ProtoWriter m = new ProtoWriter()
                .varint(1, model.irVersion())
                .string(2, model.producerName())
                .string(3, model.producerVersion())
                .message(7, graph(model.graph()))
                .message(8, new ProtoWriter().string(1, "").varint(2, model.opsetVersion()));
        return m.toByteArray();
    }

    /** Writes {@code model} to {@code file} atomically (a temporary sibling, then a move). */
    public static void write(OnnxModel model, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = AtomicFiles.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(encode(model));
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A serialized TensorProto (the format of the ONNX test suite's {@code .pb} files). */
    public static byte[] encodeTensor(String name, NdArray t) {
        return tensor(name, t).toByteArray();
    }

    private static ProtoWriter graph(OnnxGraph g) {
        ProtoWriter w = new ProtoWriter();
        for (OnnxNode n : g.nodes()) {
            w.message(1, node(n));
        }
        w.string(2, g.name());
        for (Map.Entry<String, NdArray> e : g.initializers().entrySet()) {
            w.message(5, tensor(e.getKey(), e.getValue()));
        }
        for (OnnxValueInfo v : g.inputs()) {
            w.message(11, valueInfo(v));
        }
        for (OnnxValueInfo v : g.outputs()) {
            w.message(12, valueInfo(v));
        }
        return w;
    }

    private static ProtoWriter node(OnnxNode n) {
        ProtoWriter w = new ProtoWriter();
        for (String s : n.inputs()) {
            w.string(1, s);
        }
        for (String s : n.outputs()) {
            w.string(2, s);
        }
        w.string(3, n.name()).string(4, n.opType());
        for (OnnxAttribute a : n.attributes().values()) {
            w.message(5, attribute(a));
        }
        if (!n.domain().isEmpty()) {
            w.string(7, n.domain());
        }
        return w;
    }

    private static ProtoWriter attribute(OnnxAttribute a) {
        ProtoWriter w = new ProtoWriter().string(1, a.name());
        switch (a.type()) {
            case OnnxAttribute.FLOAT -> w.fixed32(2, Float.floatToRawIntBits(a.f()));
            case OnnxAttribute.INT -> w.varint(3, a.i());
            case OnnxAttribute.STRING -> w.string(4, a.s());
            case OnnxAttribute.TENSOR -> w.message(5, tensor("", a.t()));
            case OnnxAttribute.FLOATS -> w.packedFloats(7, a.floats());
            case OnnxAttribute.INTS -> {
                for (long v : a.ints()) {
                    w.varint(8, v);
                }
            }
            default -> throw new IllegalArgumentException("cannot encode attribute type " + a.type());
        }
        return w.varint(20, a.type());
    }

    private static ProtoWriter tensor(String name, NdArray t) {
        ProtoWriter w = new ProtoWriter();
        for (int d : t.shape()) {
            w.varint(1, d);
        }
        w.varint(2, t.elemType());
        if (!name.isEmpty()) {
            w.string(8, name);
        }
        ByteBuffer raw;
        if (t.isFloat()) {
            raw = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(t.floats());
        } else {
            raw = ByteBuffer.allocate(8 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(t.longs());
        }
        return w.bytes(9, raw.array());
    }

    private static ProtoWriter valueInfo(OnnxValueInfo v) {
        ProtoWriter tensorType = new ProtoWriter().varint(1, v.elemType());
        if (v.dims() != null) {
            ProtoWriter shape = new ProtoWriter();
            for (int i = 0; i < v.dims().length; i++) {
                ProtoWriter dim = new ProtoWriter();
                String p = v.dimNames() == null ? null : v.dimNames()[i];
                if (p != null) {
                    dim.string(2, p);
                } else {
                    dim.varint(1, v.dims()[i]);
                }
                shape.message(1, dim);
            }
            tensorType.message(2, shape);
        }
        return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
    }
}
