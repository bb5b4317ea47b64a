package org.undervolt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.undervolt.nn.onnx.OnnxImport;

import picocli.CommandLine.Command;

/** {@code undervolt import-onnx}: an ONNX model to an Undervolt checkpoint, with a summary. */
@Command(name = "import-onnx", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Convert an ONNX model to an Undervolt checkpoint (.uvnn); print a summary.",
            "Supported ops: Add, AveragePool, BatchNormalization, Concat, Constant, Conv,",
            "Dropout, Flatten, Gather, Gemm, GlobalAveragePool, Identity, MatMul, MaxPool,",
            "Relu, Reshape, Shape, Softmax, Transpose, Unsqueeze (exact rules: package",
            "org.undervolt.nn.onnx). The layers are checked against the ONNX graph on a",
            "random batch before anything is written.",
            "Bad or unsupported files: one line naming the node, exit code 2."},
        footer = {"", "Examples:",
                "  undervolt export-onnx --model examples/lenet5.uvnn --out lenet5.onnx",
                "  undervolt import-onnx --model lenet5.onnx --out lenet5-onnx.uvnn",
                "  undervolt import-onnx --model lenet5.onnx --out lenet5-onnx.uvnn --json"})
public final class ImportOnnxCommand extends ModelConversionCommand {

    @Override
    void convert(Path out) throws IOException {
        OnnxImport.Summary s = OnnxImport.convert(modelOption.file, out);
        jsonOption.printLine(s.toMap(), w -> {
            w.printf("model       %s (%s, IR %d, opset %d)%n", s.model(), s.producer().isEmpty() ? "unknown producer"
                    : s.producer(), s.irVersion(), s.opset());
            w.printf("ops         %d nodes: %s%n", s.nodes(), s.ops().entrySet().stream()
                    .map((Map.Entry<String, Integer> e) -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            w.printf("layers      %d: %s%n", s.layers().size(), String.join(" ", s.layers()));
            w.printf("parameters  %,d%n", s.parameters());
            w.printf("shapes      %s -> %s (per item)%n", Arrays.toString(s.inputShape()), Arrays.toString(s.outputShape()));
            w.printf("check       max |layers - graph| = %.3g on a random batch%n", s.checkMaxAbsDiff());
            w.printf("written     %s%n", s.out());
        });
    }
}
