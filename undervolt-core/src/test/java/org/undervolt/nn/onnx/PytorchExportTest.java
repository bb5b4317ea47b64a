package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.tensor.Tensor;

/**
 * Models exported by PyTorch 1.13's ONNX exporter (opset 13; {@code src/test/resources/onnx/pytorch-1.13},
 * written by its {@code make_models.py}): converted layers, the interpreter and ONNX Runtime all
 * reproduce PyTorch's own outputs within 1e-4.
 */
class PytorchExportTest {

    @Test
    void viewNetWithShapeGatherConcatReshape() throws Exception {
        SequentialImporter.Result r = check("view_net", new int[] {3, 1, 8, 8}, new int[] {3, 5});
        assertThat(r.model().layers()).extracting(Layer::type)
                .containsExactly("conv2d", "relu", "maxpool2d", "flatten", "dense", "softmax");
        assertThat(r.opCounts()).containsKeys("Shape", "Gather", "Unsqueeze", "Concat", "Reshape");
    }

    @Test
    void residualNet() throws Exception {
        SequentialImporter.Result r = check("res_net", new int[] {3, 3, 8, 8}, new int[] {3, 5});
        assertThat(r.model().layers()).extracting(Layer::type)
                .containsExactly("conv2d", "relu", "residual", "relu", "globalavgpool", "dense");
    }

    private static SequentialImporter.Result check(String name, int[] xShape, int[] yShape) throws Exception {
        String dir = "pytorch-1.13/" + name;
        byte[] bytes = OnnxNodeCasesTest.resource(dir + ".onnx");
        NdArray x = NdArray.of(xShape, floats(OnnxNodeCasesTest.resource(dir + "_x.bin")));
        NdArray torch = NdArray.of(yShape, floats(OnnxNodeCasesTest.resource(dir + "_y.bin")));
        OnnxModel model = OnnxReader.decode(bytes, name);
        SequentialImporter.Result r = SequentialImporter.convert(model, name);
        float[] ours = r.model().infer(new Tensor(xShape, x.floats())).data();
        Close.assertClose(NdArray.of(yShape, ours), torch, name + " layers vs PyTorch");
        Close.assertClose(new OnnxInterpreter(model, name).run(x), torch, name + " interpreter vs PyTorch");
        Close.assertClose(OrtOracle.run(bytes, Map.of("x", x)).get("y"), torch, name + " ORT vs PyTorch");
        return r;
    }

    private static float[] floats(byte[] b) {
        float[] f = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }
}
