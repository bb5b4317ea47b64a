package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.tensor.Tensor;

/**
 * Graphs in the forms other exporters write (MatMul + Add, Gemm without transB, Reshape by a
 * Constant, transposed weights, SAME padding, epsilon 1e-3, opset-11 Softmax) import into layers
 * that agree with ONNX Runtime and the interpreter; graphs outside the rules fail naming the node.
 */
class SequentialImporterTest {
    private static final OnnxAttribute[] NONE = {};

    @Test
    void pytorchStyleConvNet() throws Exception {
        GraphBuilder b = new GraphBuilder(1, 11);
        b.node("Conv", List.of("x", b.weight("w1", false, 4, 2, 3, 3)), "c1",
                OnnxAttribute.ofString("auto_pad", "SAME_UPPER"), OnnxAttribute.ofInts("kernel_shape", 3, 3));
        b.node("Add", List.of("c1", b.weight("b1", false, 1, 4, 1, 1)), "a1");
        b.node("BatchNormalization", List.of("a1", b.weight("g", true, 4), b.weight("beta", false, 4),
                b.weight("mu", false, 4), b.weight("var", true, 4)), "bn", OnnxAttribute.ofFloat("epsilon", 1e-3f));
        b.node("Relu", List.of("bn"), "r1");
        b.node("MaxPool", List.of("r1"), "p1", OnnxAttribute.ofInts("kernel_shape", 2, 2),
                OnnxAttribute.ofInts("strides", 2, 2));
        b.node("Constant", List.of(), "shape", OnnxAttribute.ofTensor("value", NdArray.ofLongs(new int[] {2}, new long[] {-1, 36})));
        b.node("Reshape", List.of("p1", "shape"), "flat");
        b.node("Transpose", List.of(b.weight("wt", false, 5, 36)), "w2t");
        b.node("MatMul", List.of("flat", "w2t"), "mm");
        b.node("Add", List.of(b.weight("b2", false, 5), "mm"), "a2");
        b.node("Identity", List.of("a2"), "id");
        b.node("Gemm", List.of("id", b.weight("w3", false, 5, 3), b.weight("c3", false, 3)), "logits",
                OnnxAttribute.ofFloat("alpha", 0.5f), OnnxAttribute.ofFloat("beta", 2f));
        b.node("Softmax", List.of("logits"), "prob", OnnxAttribute.ofInt("axis", 1));
        OnnxModel m = b.build(new int[] {1, 2, 6, 6}, "prob");

        SequentialImporter.Result r = agree(m, 3);
        assertThat(r.model().layers().stream().map(Layer::type)).containsExactly(
                "conv2d", "batchnorm", "relu", "maxpool2d", "flatten", "dense", "dense", "softmax");
        assertThat(r.opCounts()).containsEntry("Add", 2).containsEntry("Conv", 1).containsEntry("Transpose", 1);
        assertThat(r.model().parameterCount()).isEqualTo(4 * 2 * 9 + 4 + 4 * 4 + 5 * 36 + 5 + 5 * 3 + 3);
    }

    @Test
    void residualWithProjectionShortcutAndNestedIdentityBlock() throws Exception {
        GraphBuilder b = new GraphBuilder(2, 17);
        b.node("Conv", List.of("x", b.weight("w0", false, 3, 3, 1, 1)), "c0");
        b.node("Relu", List.of("c0"), "r0");
        // outer block: main = [conv, inner identity block], shortcut = [1x1 conv]
        b.node("Conv", List.of("r0", b.weight("w1", false, 3, 3, 3, 3), b.weight("bias1", false, 3)), "c1",
                OnnxAttribute.ofInts("pads", 1, 1, 1, 1));
        b.node("Relu", List.of("c1"), "r1");
        b.node("Conv", List.of("r1", b.weight("w2", false, 3, 3, 3, 3)), "c2", OnnxAttribute.ofInts("pads", 1, 1, 1, 1));
        b.node("Add", List.of("c2", "r1"), "inner");
        b.node("Conv", List.of("r0", b.weight("ws", false, 3, 3, 1, 1)), "short");
        b.node("Add", List.of("short", "inner"), "outer");
        b.node("GlobalAveragePool", List.of("outer"), "gap");
        b.node("Flatten", List.of("gap"), "f");
        b.node("Gemm", List.of("f", b.weight("fc", false, 2, 3), b.weight("fcb", false, 2)), "y",
                OnnxAttribute.ofInt("transB", 1));
        SequentialImporter.Result r = agree(b.build(new int[] {1, 3, 5, 5}, "y"), 2);
        assertThat(r.model().layers().stream().map(Layer::type)).containsExactly(
                "conv2d", "relu", "residual", "globalavgpool", "dense");
        Layer outer = r.model().layers().get(2);
        assertThat(outer.config()).containsExactly(3, 1);
        assertThat(outer.children().get(2).type()).isEqualTo("residual");
    }

    @Test
    void transposeOfActivationsIsRejectedNamingTheNode() {
        GraphBuilder b = new GraphBuilder(3, 17);
        b.node("Transpose", List.of("x"), "t", OnnxAttribute.ofInts("perm", 0, 2, 1));
        OnnxModel m = b.build(new int[] {1, 2, 3}, "t");
        assertThatThrownBy(() -> SequentialImporter.convert(m, "t.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.onnx").hasMessageContaining("'t_node' (Transpose)");
        assertThat(new OnnxInterpreter(m, "t.onnx").run(NdArray.of(new int[] {1, 2, 3}, new float[] {1, 2, 3, 4, 5, 6}))
                .floats()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void asymmetricPaddingAndGroupsAreRejected() {
        GraphBuilder b = new GraphBuilder(4, 17);
        b.node("Conv", List.of("x", b.weight("w", false, 2, 2, 3, 3)), "c", OnnxAttribute.ofInts("pads", 0, 0, 1, 1));
        assertThatThrownBy(() -> SequentialImporter.convert(b.build(new int[] {1, 2, 5, 5}, "c"), "m"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("equal padding on all sides");
        GraphBuilder g = new GraphBuilder(4, 17);
        g.node("Conv", List.of("x", g.weight("w", false, 2, 1, 3, 3)), "c", OnnxAttribute.ofInt("group", 2));
        assertThatThrownBy(() -> SequentialImporter.convert(g.build(new int[] {1, 2, 5, 5}, "c"), "m"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("grouped convolution");
    }

    @Test
    void clipFromAnythingButZeroIsRefusedAsNoCappedRelu() {
        GraphBuilder b = new GraphBuilder(5, 6);
        b.node("Clip", List.of("x"), "c", OnnxAttribute.ofFloat("min", -1f), OnnxAttribute.ofFloat("max", 1f));
        assertThatThrownBy(() -> SequentialImporter.convert(b.build(new int[] {1, 4}, "c"), "net.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only Clip from 0 (a capped ReLU) maps to a layer, got min -1.0");
    }

    @Test
    void unsupportedOpIsNamedWithTheSupportedList() {
        GraphBuilder b = new GraphBuilder(5, 17);
        b.node("Sigmoid", List.of("x"), "s");
        OnnxModel m = b.build(new int[] {1, 4}, "s");
        assertThatThrownBy(() -> SequentialImporter.convert(m, "net.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("net.onnx: node 's_node' (Sigmoid): op 'Sigmoid' is not supported; supported ops: Add,"
                        + " AveragePool, BatchNormalization, Clip, Concat, Constant, Conv, Dropout, Flatten, Gather, Gemm,"
                        + " GlobalAveragePool, Identity, MatMul, MaxPool, Relu, Reshape, Shape, Softmax, Transpose,"
                        + " Unsqueeze");
    }

    /** Imported layers, the interpreter and ONNX Runtime agree within 1e-4 on a random batch. */
    private static SequentialImporter.Result agree(OnnxModel m, int batch) throws Exception {
        byte[] bytes = OnnxWriter.encode(m);
        SequentialImporter.Result r = SequentialImporter.convert(OnnxReader.decode(bytes, "m"), "m");
        Tensor x = RoundTripTest.input(r.model().inputShape(), batch, 99);
        NdArray nx = NdArray.of(x.shape(), x.data());
        float[] ours = r.model().infer(x).data();
        NdArray ort = OrtOracle.run(bytes, Map.of("x", nx)).values().iterator().next();
        NdArray interp = new OnnxInterpreter(m, "m").run(nx);
        assertThat(Close.maxDiff(ours, ort.floats())).as("layers vs ORT").isLessThan(Close.TOL);
        assertThat(Close.maxDiff(interp.floats(), ort.floats())).as("interpreter vs ORT").isLessThan(Close.TOL);
        return r;
    }
}
