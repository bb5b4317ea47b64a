package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

/**
 * Every node case of an installed {@code libonnx-testdata} ({@code apt-get install libonnx-testdata};
 * directory {@code /usr/share/libonnx-testdata/data/node}, or {@code $ONNX_TESTDATA}) whose ops are
 * all in the supported subset: the interpreter either reproduces the reference outputs within 1e-4
 * or refuses the case with an InvalidInputException (an unsupported element type, rank or
 * attribute) — it never computes a wrong answer. Skipped when the package is not installed.
 */
class SystemTestdataTest {

    @Test
    void supportedCasesMatchOrAreRefusedCleanly() throws IOException {
        String env = System.getenv("ONNX_TESTDATA");
        Path base = Path.of(env != null ? env : "/usr/share/libonnx-testdata/data");
        assumeTrue(Files.isDirectory(base.resolve("node")), "libonnx-testdata not installed: " + base);
        List<String> matched = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        for (String group : List.of("node", "pytorch-converted", "pytorch-operator")) {
            Path root = base.resolve(group);
            if (Files.isDirectory(root)) {
                run(root, matched, refused, converted);
            }
        }
        System.out.println("libonnx-testdata: " + matched.size() + " supported cases match, " + refused.size()
                + " refused; " + converted.size() + " converted to layers that match");
        refused.forEach(r -> System.out.println("  refused " + r));
        assertThat(matched).hasSizeGreaterThan(70);
        assertThat(converted).hasSizeGreaterThan(20);
    }

    private static void run(Path root, List<String> matched, List<String> refused, List<String> converted) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("model.onnx");
                Path data = dir.resolve("test_data_set_0");
                if (!Files.isRegularFile(file) || !Files.isDirectory(data)) {
                    continue;
                }
                String name = dir.getFileName().toString();
                OnnxModel model;
                try {
                    model = OnnxReader.read(file);
                } catch (InvalidInputException e) {
                    continue; // element types or features the reader does not represent
                }
                if (!model.graph().nodes().stream().allMatch(n -> Operators.supported().contains(n.opType()))) {
                    continue;
                }
                try {
                    OnnxInterpreter in = new OnnxInterpreter(model, name);
                    Map<String, NdArray> feeds = new LinkedHashMap<>();
                    List<OnnxValueInfo> ins = model.graph().runtimeInputs();
                    for (int i = 0; i < ins.size(); i++) {
                        feeds.put(ins.get(i).name(), OnnxReader.decodeTensor(
                                Files.readAllBytes(data.resolve("input_" + i + ".pb")), name));
                    }
                    Map<String, NdArray> got = in.run(feeds);
                    int i = 0;
                    NdArray first = null;
                    for (NdArray v : got.values()) {
                        NdArray expected = OnnxReader.decodeTensor(Files.readAllBytes(data.resolve("output_" + i++ + ".pb")), name);
                        Close.assertClose(v, expected, name);
                        first = first == null ? expected : first;
                    }
                    matched.add(name);
                    if (feeds.size() == 1 && got.size() == 1 && feeds.values().iterator().next().rank() >= 2) {
                        NdArray x = feeds.values().iterator().next();
                        try {
                            org.undervolt.nn.model.Sequential seq = SequentialImporter.convert(model, name).model();
                            float[] ours = seq.infer(new org.undervolt.nn.tensor.Tensor(x.shape(), x.floats())).data();
                            Close.assertClose(NdArray.of(first.shape(), ours), first, name + " as layers");
                            converted.add(name);
                        } catch (InvalidInputException e) {
                            // outside the layer rules: refused with a reason, which is allowed
                        }
                    }
                } catch (InvalidInputException e) {
                    refused.add(name + ": " + e.getMessage());
                }
            }
        }
    }
}
