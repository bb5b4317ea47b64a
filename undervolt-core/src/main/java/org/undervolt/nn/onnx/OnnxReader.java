package org.undervolt.nn.onnx;

import java.io.IOException;
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
            return TensorDecoder.tensor(new ProtoReader(bytes)).value();
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
                case 1 -> ir = r.varintField("ir_version");
                case 2 -> producer = r.stringField("producer_name");
                case 3 -> producerVersion = r.stringField("producer_version");
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
                            case 1 -> domain = o.stringField("opset_import.domain");
                            case 2 -> version = o.varintField("opset_import.version");
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
                case 2 -> name = r.stringField("graph.name");
                case 5 -> {
                    r.expect(ProtoReader.LENGTH_DELIMITED, "initializer");
                    TensorDecoder.Named t = TensorDecoder.tensor(r.message());
                    if (t.name().isEmpty()) {
                        throw new IllegalArgumentException("initializer #" + inits.size() + " has no name");
                    }
                    if (inits.put(t.name(), t.value()) != null) {
                        throw new IllegalArgumentException("two initializers named '" + t.name() + "'");
                    }
                }
                case 11 -> inputs.add(TensorDecoder.valueInfo(r.messageField("graph.input")));
                case 12 -> outputs.add(TensorDecoder.valueInfo(r.messageField("graph.output")));
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
                case 1 -> in.add(r.stringField("node.input"));
                case 2 -> out.add(r.stringField("node.output"));
                case 3 -> name = r.stringField("node.name");
                case 4 -> op = r.stringField("node.op_type");
                case 7 -> domain = r.stringField("node.domain");
                case 5 -> {
                    OnnxAttribute a = TensorDecoder.attribute(r.messageField("node.attribute"));
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

    /** The ONNX name of a {@code TensorProto.DataType} code, e.g. 7 is {@code INT64}. */
    static String typeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "type " + type;
    }
}
