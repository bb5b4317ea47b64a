package org.undervolt.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.undervolt.nn.onnx.OnnxExport;

import picocli.CommandLine.Command;

/** {@code undervolt export-onnx}: an Undervolt checkpoint to an ONNX model (opset 17). */
@Command(name = "export-onnx",
        header = "Write an Undervolt checkpoint (.uvnn) as an ONNX model (opset 17).", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Write an Undervolt checkpoint (.uvnn) as an ONNX model (opset 17) that",
            "ONNX Runtime runs with the same outputs. Layers map to Gemm, Conv, MaxPool,",
            "AveragePool, GlobalAveragePool, BatchNormalization, Relu, Flatten, Softmax",
            "and Add (residual blocks)."},
        footer = {"", "Examples:",
                "  undervolt export-onnx --model examples/lenet5.uvnn --out lenet5.onnx"})
public final class ExportOnnxCommand extends ModelConversionCommand {

    @Override
    void convert(Path out) throws IOException {
        OnnxExport.Summary s = OnnxExport.convert(modelOption.dnn("ONNX export takes a DNN checkpoint"), out);
        jsonOption.printLine(s, w -> w.printf("wrote %s: %d nodes (%s), %,d parameters, opset %d%n", out, s.nodes(), s.ops(),
                s.parameters(), s.opset()));
    }
}
