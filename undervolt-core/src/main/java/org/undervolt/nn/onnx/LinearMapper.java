package org.undervolt.nn.onnx;

import java.util.List;
import java.util.function.BiFunction;

import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Parameter;

/**
 * Gemm and MatMul nodes to Dense layers ({@code W [out, in]}, with alpha, transB and beta·C
 * folded in), and an Add of a constant after a Dense or Conv folded into its bias.
 */
final class LinearMapper {
    private final GraphIndex index;

    LinearMapper(GraphIndex index) {
        this.index = index;
    }

    NodeMapper.Mapped gemm(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        if (s.onnx().length != 1) {
            throw new IllegalArgumentException("A must be a matrix [batch, features]; add a Flatten before it");
        }
        if (n.intAttr("transA", 0) != 0) {
            throw new IllegalArgumentException("transA = 1 on activations has no Undervolt layer");
        }
        NdArray bm = NodeMapper.constant(index, n, 1, "B");
        NdArray c = NodeMapper.constant(index, n, 2, "C");
        Shapes.requireRank(bm, 2, "B");
        boolean tb = n.intAttr("transB", 0) != 0;
        float alpha = n.floatAttr("alpha", 1f);
        float beta = n.floatAttr("beta", 1f);
        int in = tb ? bm.dim(1) : bm.dim(0);
        int outs = tb ? bm.dim(0) : bm.dim(1);
        Dense d = dense(n, s, namer, bm, !tb, alpha, in, outs);
        if (c != null) {
            int[] cs = c.shape();
            boolean perOutput = c.size() == outs && (cs.length == 1 || cs.length == 2 && cs[0] == 1);
            boolean scalar = c.size() == 1;
            if (!perOutput && !scalar) {
                throw new IllegalArgumentException("C " + c + " varies along the batch; only a bias [" + outs + "] maps to a layer");
            }
            float[] bias = d.bias().data();
            for (int o = 0; o < outs; o++) {
                bias[o] = beta * c.floats()[scalar ? 0 : o];
            }
        }
        String out = foldBias(n.outputs().get(0), d.bias(), outs, false);
        return new NodeMapper.Mapped(List.of(d), out, new SequentialImporter.Shape(new int[] {outs}, new int[] {outs}));
    }

    NodeMapper.Mapped matmul(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer) {
        if (index.isConstant(n.inputs().get(0)) || s.onnx().length != 1) {
            throw new IllegalArgumentException("only activations [batch, features] times a constant matrix map to a Dense layer");
        }
        NdArray bm = NodeMapper.constant(index, n, 1, "B");
        Shapes.requireRank(bm, 2, "B");
        Dense d = dense(n, s, namer, bm, true, 1f, bm.dim(0), bm.dim(1));
        String out = foldBias(n.outputs().get(0), d.bias(), bm.dim(1), false);
        return new NodeMapper.Mapped(List.of(d), out, new SequentialImporter.Shape(new int[] {bm.dim(1)}, new int[] {bm.dim(1)}));
    }

    /** A Dense layer with weight {@code alpha · B} ({@code [out, in]}; B transposed first if {@code transpose}). */
    private Dense dense(OnnxNode n, SequentialImporter.Shape s, BiFunction<String, String, String> namer, NdArray bm,
            boolean transpose, float alpha, int in, int outs) {
        if (in != s.onnx()[0]) {
            throw new IllegalArgumentException("weight " + bm + " does not fit " + s.onnx()[0] + " input features");
        }
        Dense d = new Dense(namer.apply(n.name(), "dense"), in, outs);
        float[] w = d.weight().data();
        float[] b = bm.floats();
        for (int o = 0; o < outs; o++) {
            for (int i = 0; i < in; i++) {
                w[o * in + i] = alpha * (transpose ? b[i * outs + o] : b[o * in + i]);
            }
        }
        return d;
    }

    /**
     * If the only reader of {@code value} is an Add of a constant that is one value per output
     * channel (or a scalar), adds it to {@code bias} and returns the Add's output; else {@code value}.
     */
    String foldBias(String value, Parameter bias, int channels, boolean spatial) {
        List<OnnxNode> cons = index.consumers(value);
        if (cons.size() != 1 || !cons.get(0).opType().equals("Add") || index.dynamicInputs(cons.get(0)).size() != 1) {
            return value;
        }
        OnnxNode add = cons.get(0);
        String other = add.inputs().get(0).equals(value) ? add.inputs().get(1) : add.inputs().get(0);
        NdArray c = index.constant(other);
        if (c == null) {
            return value;
        }
        int[] cs = c.shape();
        boolean scalar = c.size() == 1;
        boolean perChannel = c.size() == channels && (spatial
                ? cs.length >= 3 && cs[cs.length - 1] == 1 && cs[cs.length - 2] == 1 && cs[cs.length - 3] == channels
                : cs[cs.length - 1] == channels);
        if (!scalar && !perChannel || cs.length > (spatial ? 4 : 2)) {
            return value;
        }
        float[] b = bias.data();
        for (int o = 0; o < channels; o++) {
            b[o] += c.floats()[scalar ? 0 : o];
        }
        return add.outputs().get(0);
    }
}
