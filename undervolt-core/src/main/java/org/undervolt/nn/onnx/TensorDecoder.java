package org.undervolt.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the leaf messages of an ONNX file: {@code TensorProto} (FLOAT and INT64, inline or
 * {@code raw_data} little-endian), {@code AttributeProto} and {@code ValueInfoProto}, with the
 * checks {@link OnnxReader} documents (element counts match shapes, no external data).
 */
final class TensorDecoder {
    private TensorDecoder() {
    }

    /** A tensor and the name it carries ("" if none). */
    record Named(String name, NdArray value) {
    }

    static OnnxAttribute attribute(ProtoReader r) {
        String name = null;
        int type = 0;
        float f = 0;
        long i = 0;
        String s = null;
        NdArray t = null;
        List<Float> floats = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        int seen = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.stringField("attribute.name");
                case 20 -> type = (int) r.varintField("attribute.type");
                case 2 -> {
                    r.expect(ProtoReader.FIXED32, "attribute.f");
                    f = Float.intBitsToFloat(r.fixed32());
                    seen = OnnxAttribute.FLOAT;
                }
                case 3 -> {
                    i = r.varintField("attribute.i");
                    seen = OnnxAttribute.INT;
                }
                case 4 -> {
                    s = r.stringField("attribute.s");
                    seen = OnnxAttribute.STRING;
                }
                case 5 -> {
                    t = tensor(r.messageField("attribute.t")).value();
                    seen = OnnxAttribute.TENSOR;
                }
                case 7 -> {
                    r.floats(floats);
                    seen = OnnxAttribute.FLOATS;
                }
                case 8 -> {
                    r.varints(ints);
                    seen = OnnxAttribute.INTS;
                }
                case 6, 9, 10, 11, 22, 23 -> throw new IllegalArgumentException("attribute '" + name
                        + "' has a graph, string-list, tensor-list or sparse value; not supported");
                case 21 -> throw new IllegalArgumentException("attribute '" + name + "' refers to a function attribute; not supported");
                default -> r.skip();
            }
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("attribute without a name");
        }
        if (type == 0) {
            type = seen;
        }
        return switch (type) {
            case OnnxAttribute.FLOAT -> OnnxAttribute.ofFloat(name, f);
            case OnnxAttribute.INT -> OnnxAttribute.ofInt(name, i);
            case OnnxAttribute.STRING -> OnnxAttribute.ofString(name, s == null ? "" : s);
            case OnnxAttribute.TENSOR -> {
                if (t == null) {
                    throw new IllegalArgumentException("TENSOR attribute '" + name + "' has no tensor");
                }
                yield OnnxAttribute.ofTensor(name, t);
            }
            case OnnxAttribute.FLOATS -> {
                float[] v = new float[floats.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = floats.get(k);
                }
                yield OnnxAttribute.ofFloats(name, v);
            }
            case OnnxAttribute.INTS -> OnnxAttribute.ofInts(name, ints.stream().mapToLong(Long::longValue).toArray());
            default -> throw new IllegalArgumentException("attribute '" + name + "' has unsupported type " + type);
        };
    }

    static Named tensor(ProtoReader r) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        List<Float> floatData = new ArrayList<>();
        List<Long> int64Data = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> r.varints(dims);
                case 2 -> type = (int) r.varintField("tensor.data_type");
                case 3 -> throw new IllegalArgumentException("segmented tensors are not supported");
                case 4 -> r.floats(floatData);
                case 7 -> r.varints(int64Data);
                case 8 -> name = r.stringField("tensor.name");
                case 9 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "tensor.raw_data");
                    raw = r.bytes();
                }
                case 13 -> throw new IllegalArgumentException("tensor '" + name + "' is stored as external data; not supported");
                case 14 -> {
                    if (r.varintField("tensor.data_location") != 0) {
                        throw new IllegalArgumentException("tensor '" + name + "' is stored as external data; not supported");
                    }
                }
                case 5, 6, 10, 11 -> throw new IllegalArgumentException("tensor '" + name + "' has data of type "
                        + OnnxReader.typeName(type) + "; supported: FLOAT, INT64");
                default -> r.skip();
            }
        }
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            long d = dims.get(k);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor '" + name + "' has invalid dimension " + d);
            }
            shape[k] = (int) d;
        }
        int n = (int) NdArray.count(shape);
        if (type == NdArray.FLOAT) {
            float[] v;
            if (raw != null) {
                checkLength(name, raw.length, n, 4);
                v = new float[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            } else {
                checkLength(name, floatData.size(), n, 1);
                v = new float[n];
                for (int k = 0; k < n; k++) {
                    v[k] = floatData.get(k);
                }
            }
            return new Named(name, NdArray.of(shape, v));
        }
        if (type == NdArray.INT64) {
            long[] v;
            if (raw != null) {
                checkLength(name, raw.length, n, 8);
                v = new long[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            } else {
                checkLength(name, int64Data.size(), n, 1);
                v = int64Data.stream().mapToLong(Long::longValue).toArray();
            }
            return new Named(name, NdArray.ofLongs(shape, v));
        }
        throw new IllegalArgumentException("tensor '" + name + "' has element type " + OnnxReader.typeName(type) + "; supported: FLOAT, INT64");
    }

    private static void checkLength(String name, int have, int elements, int width) {
        if ((long) elements * width != have) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + have + (width > 1 ? " bytes" : " values")
                    + " of data, its shape needs " + (long) elements * width);
        }
    }

    static OnnxValueInfo valueInfo(ProtoReader r) {
        String name = "";
        int elem = 0;
        List<Long> dims = null;
        List<String> names = null;
        boolean tensorType = false;
        boolean otherType = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.stringField("value_info.name");
                case 2 -> {
                    ProtoReader type = r.messageField("value_info.type");
                    while (type.next()) {
                        if (type.field() == 1) {
                            tensorType = true;
                            ProtoReader t = type.messageField("tensor_type");
                            while (t.next()) {
                                if (t.field() == 1) {
                                    elem = (int) t.varintField("elem_type");
                                } else if (t.field() == 2) {
                                    dims = new ArrayList<>();
                                    names = new ArrayList<>();
                                    ProtoReader shape = t.messageField("shape");
                                    while (shape.next()) {
                                        if (shape.field() != 1) {
                                            shape.skip();
                                            continue;
                                        }
                                        ProtoReader dim = shape.messageField("shape.dim");
                                        long v = -1;
                                        String p = null;
                                        while (dim.next()) {
                                            switch (dim.field()) {
                                                case 1 -> v = dim.varintField("dim_value");
                                                case 2 -> p = dim.stringField("dim_param");
                                                default -> dim.skip();
                                            }
                                        }
                                        dims.add(v);
                                        names.add(p);
                                    }
                                } else {
                                    t.skip();
                                }
                            }
                        } else if (type.field() == 6) {
                            type.skip();
                        } else {
                            otherType = true;
                            type.skip();
                        }
                    }
                }
                default -> r.skip();
            }
        }
        if (otherType && !tensorType) {
            throw new IllegalArgumentException("graph value '" + name + "' is not a tensor (sequence, map or optional); not supported");
        }
        return new OnnxValueInfo(name, elem, dims == null ? null : dims.stream().mapToLong(Long::longValue).toArray(),
                names == null ? null : names.toArray(new String[0]));
    }
}
