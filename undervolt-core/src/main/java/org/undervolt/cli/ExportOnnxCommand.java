package org.undervolt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.onnx.OnnxModel;
import org.undervolt.nn.onnx.OnnxNode;
import org.undervolt.nn.onnx.OnnxWriter;
import org.undervolt.nn.onnx.SequentialExporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
public final class ExportOnnxCommand implements Callable<Integer> {

    @Mixin ModelFileOption modelOption = new ModelFileOption();

    @Mixin OutFileOption output = new OutFileOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        Path out = output.writableFile();
        Checkpoint.Loaded loaded = Checkpoint.load(modelOption.dnn("ONNX export takes a DNN checkpoint"));
        OnnxModel onnx;
        try {
            String name = modelOption.file.getFileName().toString().replaceFirst("\\.uvnn$", "");
            onnx = SequentialExporter.export(loaded.model(), name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(modelOption.file + ": " + e.getMessage(), e);
        }
        OnnxWriter.write(onnx, out);
        Map<String, Integer> ops = new TreeMap<>();
        for (OnnxNode n : onnx.graph().nodes()) {
            ops.merge(n.opType(), 1, Integer::sum);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", modelOption.file.toString());
        s.put("out", out.toString());
        s.put("opset", onnx.opsetVersion());
        s.put("nodes", onnx.graph().nodes().size());
        s.put("ops", ops);
        s.put("parameters", loaded.model().parameterCount());
        jsonOption.printLine(s, w -> w.printf("wrote %s: %d nodes (%s), %,d parameters, opset %d%n", out, onnx.graph().nodes().size(), ops,
                    loaded.model().parameterCount(), onnx.opsetVersion()));
        return 0;
    }
}
