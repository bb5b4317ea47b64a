package org.undervolt.nn.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * Decodes an ONNX model file (a serialized {@code onnx.ModelProto}, field numbers of
 * {@code onnx/onnx.proto} in https://github.com/onnx/onnx) into an {@link OnnxModel}.
 *
 * <p>Reads the fields inference needs and skips the rest (doc strings, metadata, value_info,
 * training info). Rejects what it cannot represent faithfully: tensors stored as external data,
 * sparse initializers, element types other than FLOAT and INT64, graph-valued attributes,
 * non-tensor graph inputs. Any problem ends in an {@link InvalidInputException} with one line
 * naming the file and the offending part.
 */
public final class OnnxReader {
    /** Largest file accepted (protobuf itself caps messages at 2 GiB). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private OnnxReader() {
    }

    /** Reads and decodes {@code file}; InvalidInputException if it is missing or not a supported ONNX model. */
    public static OnnxModel read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(file + ": larger than 2 GiB; ONNX files with external data are not supported");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file (expected an .onnx model)");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a serialized ModelProto; {@code source} names it in error messages. */
    public static OnnxModel decode(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new InvalidInputException(source + ": empty file (expected an ONNX ModelProto)");
        }
        try {
            return model(new ProtoReader(bytes));
        } catch (MalformedProtoException | IllegalArgumentException e) {
            throw new InvalidInputException(source + ": not a valid ONNX model: " + e.getMessage(), e);
        }
    }

    /** Decodes a serialized TensorProto (the {@code test_data_set_N/*.pb} files of the ONNX test suite). */
    public static NdArray decodeTensor(byte[] bytes, String source) {
        try {
            return tensor(new ProtoReader(bytes)).value();
        } catch (MalformedProtoException | IllegalArgumentException e) {
            throw new InvalidInputException(source + ": not a valid ONNX TensorProto: " + e.getMessage(), e);
        }
    }

    private static OnnxModel model(ProtoReader r) {
        long ir = -1;
        long opset = -1;
        String producer = "";
        String producerVersion = "";
        OnnxGraph graph = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> ir = varint(r, "ir_version");
                case 2 -> producer = string(r, "producer_name");
                case 3 -> producerVersion = string(r, "producer_version");
                case 7 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "graph");
                    graph = graph(r.message());
                }
                case 8 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "opset_import");
                    ProtoReader o = r.message();
                    String domain = "";
                    long version = -1;
                    while (o.next()) {
                        switch (o.field()) {
                            case 1 -> domain = string(o, "opset_import.domain");
                            case 2 -> version = varint(o, "opset_import.version");
                            default -> o.skip();
                        }
                    }
                    if (domain.isEmpty() || domain.equals("ai.onnx")) {
                        opset = version;
                    }
                }
                default -> r.skip();
            }
        }
        if (ir < 0) {
            throw new IllegalArgumentException("no ir_version (field 1 of ModelProto)");
        }
        if (graph == null) {
            throw new IllegalArgumentException("no graph (field 7 of ModelProto)");
        }
        if (opset < 1) {
            throw new IllegalArgumentException("no opset_import for the default ONNX domain");
        }
        return new OnnxModel(ir, opset, producer, producerVersion, graph);
    }

    private static OnnxGraph graph(ProtoReader r) {
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxValueInfo> inputs = new ArrayList<>();
        List<OnnxValueInfo> outputs = new ArrayList<>();
        Map<String, NdArray> inits = new LinkedHashMap<>();
        String name = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "node");
                    try {
                        nodes.add(node(r.message(), nodes.size()));
                    } catch (MalformedProtoException | IllegalArgumentException e) {
                        throw new MalformedProtoException("graph node #" + nodes.size() + ": " + e.getMessage());
                    }
                }
                case 2 -> name = string(r, "graph.name");
                case 5 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "initializer");
                    Named t = tensor(r.message());
                    if (t.name().isEmpty()) {
                        throw new IllegalArgumentException("initializer #" + inits.size() + " has no name");
                    }
                    if (inits.put(t.name(), t.value()) != null) {
                        throw new IllegalArgumentException("two initializers named '" + t.name() + "'");
                    }
                }
                case 11 -> inputs.add(valueInfo(message(r, "graph.input")));
                case 12 -> outputs.add(valueInfo(message(r, "graph.output")));
                case 15 -> throw new IllegalArgumentException("sparse initializers are not supported");
                default -> r.skip();
            }
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("graph has no outputs");
        }
        return new OnnxGraph(name, nodes, inputs, outputs, inits);
    }

    private static OnnxNode node(ProtoReader r, int index) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        String name = "";
        String op = "";
        String domain = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> in.add(string(r, "node.input"));
                case 2 -> out.add(string(r, "node.output"));
                case 3 -> name = string(r, "node.name");
                case 4 -> op = string(r, "node.op_type");
                case 7 -> domain = string(r, "node.domain");
                case 5 -> {
                    OnnxAttribute a = attribute(message(r, "node.attribute"));
                    if (attrs.put(a.name(), a) != null) {
                        throw new IllegalArgumentException("attribute '" + a.name() + "' given twice");
                    }
                }
                default -> r.skip();
            }
        }
        if (op.isEmpty()) {
            throw new IllegalArgumentException("no op_type");
        }
        if (name.isEmpty()) {
            name = op + "_" + index;
        }
        return new OnnxNode(name, op, domain, in, out, attrs);
    }

    private static OnnxAttribute attribute(ProtoReader r) {
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
                case 1 -> name = string(r, "attribute.name");
                case 20 -> type = (int) varint(r, "attribute.type");
                case 2 -> {
                    r.expect(ProtoReader.FIXED32, "attribute.f");
                    f = Float.intBitsToFloat(r.fixed32());
                    seen = OnnxAttribute.FLOAT;
                }
                case 3 -> {
                    i = varint(r, "attribute.i");
                    seen = OnnxAttribute.INT;
                }
                case 4 -> {
                    s = string(r, "attribute.s");
                    seen = OnnxAttribute.STRING;
                }
                case 5 -> {
                    t = tensor(message(r, "attribute.t")).value();
                    seen = OnnxAttribute.TENSOR;
                }
                case 7 -> {
                    readFloats(r, floats);
                    seen = OnnxAttribute.FLOATS;
                }
                case 8 -> {
                    readVarints(r, ints);
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

    private record Named(String name, NdArray value) {
    }

    private static Named tensor(ProtoReader r) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        List<Float> floatData = new ArrayList<>();
        List<Long> int64Data = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> readVarints(r, dims);
                case 2 -> type = (int) varint(r, "tensor.data_type");
                case 3 -> throw new IllegalArgumentException("segmented tensors are not supported");
                case 4 -> readFloats(r, floatData);
                case 7 -> readVarints(r, int64Data);
                case 8 -> name = string(r, "tensor.name");
                case 9 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "tensor.raw_data");
                    raw = r.bytes();
                }
                case 13 -> throw new IllegalArgumentException("tensor '" + name + "' is stored as external data; not supported");
                case 14 -> {
                    if (varint(r, "tensor.data_location") != 0) {
                        throw new IllegalArgumentException("tensor '" + name + "' is stored as external data; not supported");
                    }
                }
                case 5, 6, 10, 11 -> throw new IllegalArgumentException("tensor '" + name + "' has data of type "
                        + typeName(type) + "; supported: FLOAT, INT64");
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
        throw new IllegalArgumentException("tensor '" + name + "' has element type " + typeName(type) + "; supported: FLOAT, INT64");
    }

    private static void checkLength(String name, int have, int elements, int width) {
        if ((long) elements * width != have) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + have + (width > 1 ? " bytes" : " values")
                    + " of data, its shape needs " + (long) elements * width);
        }
    }

    private static OnnxValueInfo valueInfo(ProtoReader r) {
        String name = "";
        int elem = 0;
        List<Long> dims = null;
        List<String> names = null;
        boolean tensorType = false;
        boolean otherType = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = string(r, "value_info.name");
                case 2 -> {
                    ProtoReader type = message(r, "value_info.type");
                    while (type.next()) {
                        if (type.field() == 1) {
                            tensorType = true;
                            ProtoReader t = message(type, "tensor_type");
                            while (t.next()) {
                                if (t.field() == 1) {
                                    elem = (int) varint(t, "elem_type");
                                } else if (t.field() == 2) {
                                    dims = new ArrayList<>();
                                    names = new ArrayList<>();
                                    ProtoReader shape = message(t, "shape");
                                    while (shape.next()) {
                                        if (shape.field() != 1) {
                                            shape.skip();
                                            continue;
                                        }
                                        ProtoReader dim = message(shape, "shape.dim");
                                        long v = -1;
                                        String p = null;
                                        while (dim.next()) {
                                            switch (dim.field()) {
                                                case 1 -> v = varint(dim, "dim_value");
                                                case 2 -> p = string(dim, "dim_param");
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

    static String typeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "type " + type;
    }

    private static void readFloats(ProtoReader r, List<Float> out) {
        if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ProtoReader p = r.message();
            if (p.remaining() % 4 != 0) {
                throw new MalformedProtoException("packed float field " + r.field() + " length not a multiple of 4");
            }
            while (p.hasRemaining()) {
                out.add(Float.intBitsToFloat(p.fixed32()));
            }
        } else {
            r.expect(ProtoReader.FIXED32, "float");
            out.add(Float.intBitsToFloat(r.fixed32()));
        }
    }

    private static void readVarints(ProtoReader r, List<Long> out) {
        if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ProtoReader p = r.message();
            while (p.hasRemaining()) {
                out.add(p.varint());
            }
        } else {
            r.expect(ProtoReader.VARINT, "integer");
            out.add(r.varint());
        }
    }

    private static long varint(ProtoReader r, String what) {
        r.expect(ProtoReader.VARINT, what);
        return r.varint();
    }

    private static String string(ProtoReader r, String what) {
        r.expect(ProtoReader.LENGTH_DELIMITED, what);
        return r.string();
    }

    private static ProtoReader message(ProtoReader r, String what) {
        r.expect(ProtoReader.LENGTH_DELIMITED, what);
        return r.message();
    }
}
