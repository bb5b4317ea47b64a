package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The single-operator cases of ONNX's backend test suite (from Debian's libonnx-testdata 1.12,
 * copied under {@code src/test/resources/onnx/node}, see its README): the interpreter must
 * reproduce the reference outputs, and ONNX Runtime 1.29 must agree with it, within 1e-4.
 */
class OnnxNodeCasesTest {

    @TestFactory
    Stream<DynamicTest> everyCopiedCaseMatchesReferenceAndOrt() throws IOException {
        List<String> cases = new String(resource("cases.txt"), StandardCharsets.UTF_8).lines()
                .filter(s -> !s.isBlank()).toList();
        assertThat(cases).hasSizeGreaterThan(70);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c, () -> check(c)));
    }

    private static void check(String name) throws Exception {
        String dir = "node/" + name + "/";
        byte[] bytes = resource(dir + "model.onnx");
        OnnxModel model = OnnxReader.decode(bytes, name);
        OnnxInterpreter interp = new OnnxInterpreter(model, name);
        Map<String, NdArray> feeds = new LinkedHashMap<>();
        List<OnnxValueInfo> ins = model.graph().runtimeInputs();
        for (int i = 0; i < ins.size(); i++) {
            feeds.put(ins.get(i).name(), OnnxReader.decodeTensor(resource(dir + "test_data_set_0/input_" + i + ".pb"), name));
        }
        Map<String, NdArray> got = interp.run(feeds);
        Map<String, NdArray> ort = OrtOracle.run(bytes, feeds);
        List<String> outs = new ArrayList<>(got.keySet());
        for (int i = 0; i < outs.size(); i++) {
            NdArray expected = OnnxReader.decodeTensor(resource(dir + "test_data_set_0/output_" + i + ".pb"), name);
            Close.assertClose(got.get(outs.get(i)), expected, name + " vs reference");
            Close.assertClose(ort.get(outs.get(i)), got.get(outs.get(i)), name + " ORT vs Undervolt");
        }
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = OnnxNodeCasesTest.class.getResourceAsStream("/onnx/" + path)) {
            if (in == null) {
                throw new IOException("missing test resource /onnx/" + path);
            }
            return in.readAllBytes();
        }
    }
}
