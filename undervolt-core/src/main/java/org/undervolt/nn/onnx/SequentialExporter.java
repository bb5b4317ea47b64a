package org.undervolt.nn.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;

/**
 * Writes an Undervolt {@link Sequential} as an ONNX graph (opset {@value #OPSET}, IR version
 * {@value #IR_VERSION}) that ONNX Runtime runs with the same outputs.
 *
 * <table>
 * <caption>Layer to ONNX nodes</caption>
 * <tr><th>layer</th><th>nodes</th></tr>
 * <tr><td>dense</td><td>[Flatten if the input is not flat] Gemm(transB = 1), weight [out, in]</td></tr>
 * <tr><td>conv2d</td><td>Conv (square kernel, equal strides, symmetric pads)</td></tr>
 * <tr><td>maxpool2d, avgpool2d</td><td>MaxPool, AveragePool (no padding)</td></tr>
 * <tr><td>globalavgpool</td><td>GlobalAveragePool, Flatten (Undervolt's output is [C])</td></tr>
 * <tr><td>batchnorm</td><td>BatchNormalization, epsilon 1e-5</td></tr>
 * <tr><td>relu, flatten</td><td>Relu, Flatten(axis 1)</td></tr>
 * <tr><td>relucap</td><td>Clip(min 0, max cap)</td></tr>
 * <tr><td>softmax</td><td>[Flatten] Softmax(axis −1) [Reshape back]</td></tr>
 * <tr><td>residual</td><td>the main branch, the shortcut branch, Add</td></tr>
 * <tr><td>dropout</td><td>nothing (the identity at inference)</td></tr>
 * </table>
 * Node and value names are the layer names; initializers are the parameter names
 * ({@code conv1.weight}). The graph input {@code input} has a symbolic batch dimension {@code N}.
 */
public final class SequentialExporter {
    public static final long OPSET = 17;
    public static final long IR_VERSION = 8;
    /** BatchNorm's epsilon ({@code org.undervolt.nn.layer.BatchNorm}, PyTorch's default). */
    static final float BN_EPS = 1e-5f;

    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, NdArray> inits = new LinkedHashMap<>();

    private SequentialExporter() {
    }

    /** The ONNX model of {@code model}; IllegalArgumentException for a layer type with no ONNX form. */
    public static OnnxModel export(Sequential model, String graphName) {
        SequentialExporter e = new SequentialExporter();
        Value v = new Value("input", model.inputShape());
        for (Layer l : model.layers()) {
            v = e.layer(l, v);
        }
        e.nameOutput(v.name());
        OnnxGraph g = new OnnxGraph(graphName, e.nodes, List.of(info("input", model.inputShape())),
                List.of(info("output", v.shape())), e.inits);
        return new OnnxModel(IR_VERSION, OPSET, "undervolt", "", g);
    }

    /** A value in the graph: its name and per-item ONNX shape (without the batch dimension). */
    private record Value(String name, int[] shape) {
    }

    private Value layer(Layer l, Value x) {
        String n = l.name();
        int[] c = l.config();
        List<Parameter> ps = l.parameters();
        switch (l.type()) {
            case "dense" -> {
                Value in = flat(x, n + "_flatten");
                nodes.add(node(n, "Gemm", List.of(in.name(), param(ps.get(0)), param(ps.get(1))), n,
                        Map.of("transB", OnnxAttribute.ofInt("transB", 1))));
                return new Value(n, new int[] {c[1]});
            }
            case "conv2d" -> {
                int k = c[2];
                int s = c[3];
                int p = c[4];
                nodes.add(node(n, "Conv", List.of(x.name(), param(ps.get(0)), param(ps.get(1))), n, Map.of(
                        "kernel_shape", OnnxAttribute.ofInts("kernel_shape", k, k),
                        "strides", OnnxAttribute.ofInts("strides", s, s),
                        "pads", OnnxAttribute.ofInts("pads", p, p, p, p))));
                return new Value(n, l.outputShape(x.shape()));
            }
            case "maxpool2d", "avgpool2d" -> {
                nodes.add(node(n, l.type().equals("maxpool2d") ? "MaxPool" : "AveragePool", List.of(x.name()), n, Map.of(
                        "kernel_shape", OnnxAttribute.ofInts("kernel_shape", c[0], c[0]),
                        "strides", OnnxAttribute.ofInts("strides", c[1], c[1]))));
                return new Value(n, l.outputShape(x.shape()));
            }
            case "globalavgpool" -> {
                nodes.add(node(n + "_pool", "GlobalAveragePool", List.of(x.name()), n + "_pool", Map.of()));
                nodes.add(node(n, "Flatten", List.of(n + "_pool"), n, Map.of()));
                return new Value(n, new int[] {x.shape()[0]});
            }
            case "batchnorm" -> {
                List<String> in = new ArrayList<>(List.of(x.name()));
                for (Parameter p : ps) {
                    in.add(param(p));
                }
                nodes.add(node(n, "BatchNormalization", in, n, Map.of("epsilon", OnnxAttribute.ofFloat("epsilon", BN_EPS))));
                return new Value(n, x.shape());
            }
            case "relu" -> {
                nodes.add(node(n, "Relu", List.of(x.name()), n, Map.of()));
                return new Value(n, x.shape());
            }
            case "relucap" -> {
                inits.put(n + ".min", NdArray.of(new int[0], new float[] {0f}));
                inits.put(n + ".max", NdArray.of(new int[0], new float[] {((Relu) l).cap()}));
                nodes.add(node(n, "Clip", List.of(x.name(), n + ".min", n + ".max"), n, Map.of()));
                return new Value(n, x.shape());
            }
            case "flatten" -> {
                nodes.add(node(n, "Flatten", List.of(x.name()), n, Map.of()));
                return new Value(n, l.outputShape(x.shape()));
            }
            case "softmax" -> {
                Value in = flat(x, n + "_flatten");
                String out = x.shape().length == 1 ? n : n + "_flat";
                nodes.add(node(out, "Softmax", List.of(in.name()), out, Map.of("axis", OnnxAttribute.ofInt("axis", -1))));
                if (!out.equals(n)) {
                    long[] shape = new long[x.shape().length + 1];
                    shape[0] = -1;
                    for (int i = 0; i < x.shape().length; i++) {
                        shape[i + 1] = x.shape()[i];
                    }
                    inits.put(n + ".shape", NdArray.ofLongs(new int[] {shape.length}, shape));
                    nodes.add(node(n, "Reshape", List.of(out, n + ".shape"), n, Map.of()));
                }
                return new Value(n, x.shape());
            }
            case "dropout" -> {
                return x;
            }
            case "residual" -> {
                List<Layer> children = l.children();
                Value a = x;
                for (Layer m : children.subList(0, c[0])) {
                    a = layer(m, a);
                }
                Value b = x;
                for (Layer s : children.subList(c[0], children.size())) {
                    b = layer(s, b);
                }
                nodes.add(node(n, "Add", List.of(a.name(), b.name()), n, Map.of()));
                return new Value(n, a.shape());
            }
            default -> throw new IllegalArgumentException("layer '" + n + "' of type " + l.type() + " has no ONNX export");
        }
    }

    /** Renames the final value {@code output}: the last node's output, or an Identity if there is no node. */
    private void nameOutput(String last) {
        int i = nodes.size() - 1;
        if (i >= 0 && nodes.get(i).outputs().equals(List.of(last))) {
            OnnxNode n = nodes.get(i);
            nodes.set(i, new OnnxNode(n.name(), n.opType(), n.domain(), n.inputs(), List.of("output"), n.attributes()));
        } else {
            nodes.add(node("output", "Identity", List.of(last), "output", Map.of()));
        }
    }

    /** {@code x} as a flat [N, features] value, adding a Flatten node if needed. */
    private Value flat(Value x, String name) {
        if (x.shape().length == 1) {
            return x;
        }
        nodes.add(node(name, "Flatten", List.of(x.name()), name, Map.of()));
        return new Value(name, new int[] {Arrays.stream(x.shape()).reduce(1, (p, q) -> p * q)});
    }

    private String param(Parameter p) {
        inits.put(p.name(), NdArray.of(p.shape(), p.data().clone()));
        return p.name();
    }

    private static OnnxNode node(String name, String op, List<String> in, String out, Map<String, OnnxAttribute> attrs) {
        return new OnnxNode(name, op, "", in, List.of(out), attrs);
    }

    private static OnnxValueInfo info(String name, int[] perItem) {
        long[] dims = new long[perItem.length + 1];
        String[] names = new String[dims.length];
        dims[0] = -1;
        names[0] = "N";
        for (int i = 0; i < perItem.length; i++) {
            dims[i + 1] = perItem[i];
        }
        return new OnnxValueInfo(name, NdArray.FLOAT, dims, names);
    }
}
