package org.undervolt.nn.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;

/**
 * Writes an Undervolt checkpoint ({@link Checkpoint}) as an ONNX model ({@link SequentialExporter}, opset 17), the
 * graph named after the checkpoint file; the counterpart of {@link OnnxImport}.
 */
public final class OnnxExport {
    private OnnxExport() {
    }

    /**
     * What an export wrote; its components are the JSON keys of {@code export-onnx --json}, in order (snake_case).
     *
     * @param model      the checkpoint read
     * @param out        the ONNX file written
     * @param opset      the ONNX opset of the graph
     * @param nodes      nodes of the graph
     * @param ops        nodes per operator type, by name
     * @param parameters the network's parameters
     */
    public record Summary(String model, String out, long opset, int nodes, SortedMap<String, Integer> ops,
            long parameters) {
    }

    /**
     * Reads the checkpoint {@code checkpointFile}, converts it and writes {@code out}. InvalidInputException (nothing
     * written) if a layer has no ONNX form.
     */
    public static Summary convert(Path checkpointFile, Path out) throws IOException {
        Checkpoint.Loaded loaded = Checkpoint.load(checkpointFile);
        OnnxModel onnx;
        try {
            String name = checkpointFile.getFileName().toString().replaceFirst("\\.uvnn$", "");
            onnx = SequentialExporter.export(loaded.model(), name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(checkpointFile + ": " + e.getMessage(), e);
        }
        OnnxWriter.write(onnx, out);
        SortedMap<String, Integer> ops = new TreeMap<>();
        for (OnnxNode n : onnx.graph().nodes()) {
            ops.merge(n.opType(), 1, Integer::sum);
        }
        return new Summary(checkpointFile.toString(), out.toString(), onnx.opsetVersion(), onnx.graph().nodes().size(), ops,
                loaded.model().parameterCount());
    }
}
