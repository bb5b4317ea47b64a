package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.tensor.Tensor;

/**
 * PyTorch-exported single modules (libonnx-testdata's {@code pytorch-converted} cases): the
 * interpreter reproduces the reference outputs; the modules Undervolt has layers for convert to a
 * Sequential that reproduces them too; the others are refused with the reason.
 */
class PytorchConvertedTest {
    /** Case name to the expected Undervolt layer types, or to null when conversion must be refused. */
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("test_Conv2d", null); // 3x2 kernel: Conv2d is square-only
        CASES.put("test_Conv2d_no_bias", null); // 3x2 kernel
        CASES.put("test_Conv2d_padding", "conv2d");
        CASES.put("test_Conv2d_strided", "conv2d");
        CASES.put("test_Conv2d_groups", null);
        CASES.put("test_Conv2d_depthwise", null);
        CASES.put("test_Conv2d_dilated", null);
        CASES.put("test_Linear", "dense");
        CASES.put("test_Linear_no_bias", "dense");
        CASES.put("test_BatchNorm2d_eval", "batchnorm");
        CASES.put("test_BatchNorm2d_momentum_eval", "batchnorm");
        CASES.put("test_BatchNorm1d_3d_input_eval", null);
        CASES.put("test_MaxPool2d", null); // padding 1: MaxPool2d has none
        CASES.put("test_AvgPool2d", "avgpool2d");
        CASES.put("test_AvgPool2d_stride", "avgpool2d");
        CASES.put("test_ReLU", "relu");
        CASES.put("test_Softmax", "softmax");
    }

    @TestFactory
    List<DynamicTest> pytorchModules() {
        return CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())))
                .toList();
    }

    private static void check(String name, String layerType) throws Exception {
        String dir = "pytorch-converted/" + name + "/";
        OnnxModel model = OnnxReader.decode(OnnxNodeCasesTest.resource(dir + "model.onnx"), name);
        NdArray x = OnnxReader.decodeTensor(OnnxNodeCasesTest.resource(dir + "test_data_set_0/input_0.pb"), name);
        NdArray expected = OnnxReader.decodeTensor(OnnxNodeCasesTest.resource(dir + "test_data_set_0/output_0.pb"), name);
        Close.assertClose(new OnnxInterpreter(model, name).run(x), expected, name + " interpreter");
        if (layerType == null) {
            assertThatThrownBy(() -> SequentialImporter.convert(model, name)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(name + ": ");
            return;
        }
        SequentialImporter.Result r = SequentialImporter.convert(model, name);
        assertThat(r.model().layers()).extracting(l -> l.type()).contains(layerType);
        float[] ours = r.model().infer(new Tensor(x.shape(), x.floats())).data();
        Close.assertClose(NdArray.of(expected.shape(), ours), expected, name + " layers");
    }
}
