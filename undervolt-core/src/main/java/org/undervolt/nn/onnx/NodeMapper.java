package org.undervolt.nn.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.AvgPool2d;
import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.GlobalAvgPool;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.layer.Softmax;

/**
 * Maps one dynamic ONNX node (one whose input depends on the graph input) to Undervolt layers,
 * checking that the layer computes exactly what the node does. The rules are listed in the
 * package documentation; a node outside them gets an InvalidInputException naming it and why.
 */
final class NodeMapper {
    private final GraphIndex index;
    private final long opset;
    private final String source;
    private final LinearMapper linear;

    NodeMapper(GraphIndex index, long opset, String source) {
        this.index = index;
        this.opset = opset;
        this.source = source;
        this.linear = new LinearMapper(index);
    }

    /** The layers for a node (possibly none), the value they produce and its shape. */
    record Mapped(List<Layer> layers, String value, SequentialImporter.Shape shape) {
    }

    Mapped map(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        try {
            return mapChecked(n, s, namer);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source + ": " + n.label() + ": " + e.getMessage(), e);
        }
    }

    private Mapped mapChecked(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        String out = n.outputs().get(0);
        int[] onnx = s.onnx();
        return switch (n.opType()) {
            case "Identity", "Dropout" -> new Mapped(List.of(), out, s);
            case "Relu" -> one(new Relu(namer.apply(n.name(), "relu")), out, s, onnx);
            case "Clip" -> cappedRelu(n, s, out, namer);
            case "Conv" -> conv(n, s, namer);
            case "Gemm" -> linear.gemm(n, s, namer);
            case "MatMul" -> linear.matmul(n, s, namer);
            case "MaxPool", "AveragePool" -> pool(n, s, namer);
            case "GlobalAveragePool" -> {
                need(s, 3, "[C, H, W]");
                yield one(new GlobalAvgPool(namer.apply(n.name(), "gap")), out, s, new int[] {onnx[0], 1, 1});
            }
            case "BatchNormalization" -> batchNorm(n, s, namer);
            case "Flatten" -> {
                int axis = Shapes.axis(n.intAttr("axis", 1), onnx.length + 1, true, "axis");
                if (axis != 1) {
                    throw new IllegalArgumentException("only axis 1 (keep the batch dimension) maps to a layer, got " + axis);
                }
                yield flatten(n, s, out, namer);
            }
            case "Reshape" -> reshape(n, s, out, namer);
            case "Softmax" -> {
                int axis = Shapes.axis(n.intAttr("axis", opset >= 13 ? -1 : 1), onnx.length + 1, false, "axis");
                boolean whole = opset < 13 ? axis == 1 : axis == onnx.length && onnx.length == 1;
                if (!whole) {
                    throw new IllegalArgumentException("only a softmax over all of an item's values maps to a layer");
                }
                yield one(new Softmax(namer.apply(n.name(), "softmax")), out, s, onnx);
            }
            case "Add" -> throw new IllegalArgumentException("adding a constant maps to a layer only as the bias of the"
                    + " MatMul, Gemm or Conv before it");
            default -> throw new IllegalArgumentException(n.opType() + " on activations has no Undervolt layer (layers exist"
                    + " for Conv, Gemm, MatMul, Relu, Clip from 0 (a capped ReLU), MaxPool, AveragePool, GlobalAveragePool, BatchNormalization, Add as"
                    + " residual join or bias, Flatten, flattening Reshape, Softmax, Identity, Dropout)");
        };
    }

    /** Clip from 0 to a cap (or unbounded above): a ReLU with that cap, as curricular retraining exports it. */
    private Mapped cappedRelu(OnnxNode n, SequentialImporter.Shape s, String out, BiFunction<String, String, String> namer) {
        float[] b = ElementwiseOps.clipBounds(n, constant(index, n, 1, "Clip's min"), constant(index, n, 2, "Clip's max"),
                opset);
        if (b[0] != 0f) {
            throw new IllegalArgumentException("only Clip from 0 (a capped ReLU) maps to a layer, got min " + b[0]);
        }
        String name = namer.apply(n.name(), "relu");
        return one(b[1] == Float.POSITIVE_INFINITY ? new Relu(name) : new Relu(name, b[1]), out, s, s.onnx());
    }

    private static Mapped one(Layer l, String out, SequentialImporter.Shape s, int[] onnxOut) {
        return new Mapped(List.of(l), out, new SequentialImporter.Shape(onnxOut, l.outputShape(s.layers())));
    }

    private static void need(SequentialImporter.Shape s, int rank, String what) {
        if (s.onnx().length != rank || s.layers().length != rank) {
            throw new IllegalArgumentException("expects items of shape " + what + ", got " + Arrays.toString(s.onnx()));
        }
    }

    static NdArray constant(GraphIndex index, OnnxNode n, int i, String what) {
        if (!n.hasInput(i)) {
            return null;
        }
        NdArray c = index.constant(n.inputs().get(i));
        if (c == null) {
            throw new IllegalArgumentException(what + " '" + n.inputs().get(i) + "' must be a constant (initializer)");
        }
        return c;
    }

    private Mapped flatten(OnnxNode n, SequentialImporter.Shape s, String out, BiFunction<String, String, String> namer) {
        int[] flat = {Shapes.product(s.onnx(), 0, s.onnx().length)};
        if (s.layers().length == 1) {
            return new Mapped(List.of(), out, new SequentialImporter.Shape(flat, s.layers()));
        }
        return one(new Flatten(namer.apply(n.name(), "flatten")), out, s, flat);
    }

    /**
     * Reshape by a constant shape, or one computed from activation shapes, that keeps the batch
     * dimension first: a no-op or a flatten.
     */
    private Mapped reshape(OnnxNode n, SequentialImporter.Shape s, String out, BiFunction<String, String, String> namer) {
        if (!n.hasInput(1)) {
            throw new IllegalArgumentException("missing shape input");
        }
        List<NdArray> targets;
        NdArray fixed = index.constant(n.inputs().get(1));
        targets = fixed != null ? List.of(fixed, fixed) : index.shapeValue(n.inputs().get(1));
        if (targets == null) {
            throw new IllegalArgumentException("shape '" + n.inputs().get(1) + "' must be a constant or computed from shapes");
        }
        boolean allowZero = n.intAttr("allowzero", 0) != 0;
        int[] perItem = null;
        for (int w = 0; w < targets.size(); w++) {
            int batch = fixed != null ? 2 + w : index.shapeBatch(w);
            int[] full = new int[s.onnx().length + 1];
            full[0] = batch;
            System.arraycopy(s.onnx(), 0, full, 1, s.onnx().length);
            long[] req = targets.get(w).longs();
            int[] t = ShapeOps.target(full, req, allowZero);
            if (t.length == 0 || t[0] != batch || perItem != null && !Arrays.equals(perItem, Arrays.copyOfRange(t, 1, t.length))) {
                throw new IllegalArgumentException("reshape to " + Arrays.toString(req) + " does not keep the batch dimension first");
            }
            perItem = Arrays.copyOfRange(t, 1, t.length);
        }
        if (Arrays.equals(perItem, s.onnx())) {
            return new Mapped(List.of(), out, s);
        }
        if (perItem.length == 1) {
            return flatten(n, s, out, namer);
        }
        throw new IllegalArgumentException("reshape of items to " + Arrays.toString(perItem) + " has no Undervolt layer"
                + " (only flattening)");
    }

    private Mapped conv(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        need(s, 3, "[C, H, W]");
        NdArray w = constant(index, n, 1, "weight");
        NdArray b = constant(index, n, 2, "bias");
        Shapes.requireRank(w, 4, "weight");
        int[] ws = w.shape();
        if (n.intAttr("group", 1) != 1) {
            throw new IllegalArgumentException("grouped convolution has no Undervolt layer");
        }
        if (ws[1] != s.onnx()[0]) {
            throw new IllegalArgumentException("weight " + w + " does not fit " + s.onnx()[0] + " input channels");
        }
        int[] x = {1, s.onnx()[0], s.onnx()[1], s.onnx()[2]};
        Window win = Window.of(n, x, new int[] {ws[2], ws[3]}, false);
        int k = ws[2];
        int stride = win.strides()[0];
        int pad = win.padBegin()[0];
        if (ws[3] != k || win.strides()[1] != stride || win.dilations()[0] != 1 || win.dilations()[1] != 1
                || win.padBegin()[1] != pad || win.padEnd()[0] != pad || win.padEnd()[1] != pad) {
            throw new IllegalArgumentException("Undervolt's Conv2d needs a square kernel, equal strides, no dilation and"
                    + " equal padding on all sides; got kernel " + ws[2] + "x" + ws[3] + ", strides "
                    + Arrays.toString(win.strides()) + ", dilations " + Arrays.toString(win.dilations()) + ", pads "
                    + Arrays.toString(win.padBegin()) + Arrays.toString(win.padEnd()));
        }
        Conv2d c = new Conv2d(namer.apply(n.name(), "conv"), ws[1], ws[0], k, stride, pad);
        System.arraycopy(w.floats(), 0, c.weight().data(), 0, w.size());
        if (b != null) {
            copyVector(b, c.bias(), "bias");
        }
        String out = n.outputs().get(0);
        out = linear.foldBias(out, c.bias(), ws[0], true);
        return new Mapped(List.of(c), out, new SequentialImporter.Shape(new int[] {ws[0], win.out()[0], win.out()[1]},
                c.outputShape(s.layers())));
    }

    private Mapped pool(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        need(s, 3, "[C, H, W]");
        int[] k = n.intsAttr("kernel_shape", null);
        if (k == null || k.length != 2) {
            throw new IllegalArgumentException("kernel_shape with 2 values required");
        }
        int[] x = {1, s.onnx()[0], s.onnx()[1], s.onnx()[2]};
        Window win = Window.of(n, x, k, n.intAttr("ceil_mode", 0) != 0);
        if (k[0] != k[1] || win.strides()[0] != win.strides()[1] || !win.unpadded()
                || win.dilations()[0] != 1 || win.dilations()[1] != 1) {
            throw new IllegalArgumentException("Undervolt's pooling layers need a square window, equal strides, no"
                    + " padding and no dilation; got kernel " + Arrays.toString(k) + ", strides "
                    + Arrays.toString(win.strides()) + ", pads " + Arrays.toString(win.padBegin()) + Arrays.toString(win.padEnd()));
        }
        String name = namer.apply(n.name(), n.opType().equals("MaxPool") ? "maxpool" : "avgpool");
        Layer l = n.opType().equals("MaxPool") ? new MaxPool2d(name, k[0], win.strides()[0])
                : new AvgPool2d(name, k[0], win.strides()[0]);
        int[] ours = l.outputShape(s.layers());
        if (ours[1] != win.out()[0] || ours[2] != win.out()[1]) {
            throw new IllegalArgumentException("ceil_mode output " + Arrays.toString(win.out())
                    + " differs from the floor-mode output of Undervolt's layer");
        }
        return new Mapped(List.of(l), n.outputs().get(0), new SequentialImporter.Shape(ours, ours));
    }

    /** BatchNormalization; epsilon other than 1e-5 is folded into the running variance. */
    private Mapped batchNorm(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        int ch = s.onnx()[0];
        if (s.layers()[0] != ch || s.layers().length != 1 && s.layers().length != 3) {
            throw new IllegalArgumentException("expects items [C] or [C, H, W], got " + Arrays.toString(s.onnx()));
        }
        if (n.outputs().size() > 1 || n.intAttr("training_mode", 0) != 0) {
            throw new IllegalArgumentException("training mode (running statistics outputs) not supported");
        }
        BatchNorm bn = new BatchNorm(namer.apply(n.name(), "bn"), ch);
        List<Parameter> ps = bn.parameters();
        String[] what = {"scale", "B", "mean", "var"};
        for (int i = 0; i < 4; i++) {
            copyVector(constant(index, n, i + 1, what[i]), ps.get(i), what[i]);
        }
        float eps = n.floatAttr("epsilon", 1e-5f);
        float[] var = ps.get(3).data();
        for (int c = 0; c < ch; c++) {
            var[c] = (float) ((double) var[c] + eps - SequentialExporter.BN_EPS);
        }
        return one(bn, n.outputs().get(0), s, s.onnx());
    }

    static void copyVector(NdArray v, Parameter p, String what) {
        if (v == null || v.size() != p.size()) {
            throw new IllegalArgumentException(what + " must hold " + p.size() + " values, got " + v);
        }
        System.arraycopy(v.floats(), 0, p.data(), 0, p.size());
    }
}
