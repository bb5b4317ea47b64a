package org.undervolt.nn.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;

import org.undervolt.io.Json;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;

/**
 * Converts an ONNX file to an Undervolt checkpoint ({@link Checkpoint}) and checks the result:
 * the converted layers and the {@link OnnxInterpreter} run the same random batch, and their
 * largest difference is reported (and must stay within {@value #CHECK_TOLERANCE}, relative above 1).
 */
public final class OnnxImport {
    /** Batch of the self-check (unless the graph fixes one) and its fixed seed (inputs uniform in [0, 1)). */
    static final int CHECK_BATCH = 2;
    static final long CHECK_SEED = 0x4F4E4E58L;
    static final double CHECK_TOLERANCE = 1e-4;

    private OnnxImport() {
    }

    /** What an import did. */
    public record Summary(String model, String out, String producer, long irVersion, long opset, int nodes,
            SortedMap<String, Integer> ops, List<String> layers, long parameters, int[] inputShape, int[] outputShape,
            double checkMaxAbsDiff) {

        /** Keys and values for {@code --json}: the components in order, snake_case ({@link Json#fields}). */
        public Map<String, Object> toMap() {
            return Json.fields(this);
        }
    }

    /**
     * Reads {@code onnxFile}, converts it, checks it and writes the checkpoint atomically.
     * InvalidInputException (nothing written) if the file is not a convertible ONNX model.
     */
    public static Summary convert(Path onnxFile, Path out) throws IOException {
        String source = onnxFile.toString();
        OnnxModel model = OnnxReader.read(onnxFile);
        SequentialImporter.Result r = SequentialImporter.convert(model, source);
        Sequential seq = r.model();
        double diff = check(model, seq, source);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "onnx");
        meta.put("source", onnxFile.getFileName().toString());
        meta.put("producer", (model.producerName() + " " + model.producerVersion()).trim());
        meta.put("opset", Long.toString(model.opsetVersion()));
        Checkpoint.save(seq, meta, out);
        List<String> layers = seq.layers().stream().map(l -> l.name() + ":" + l.type()).toList();
        return new Summary(source, out.toString(), meta.get("producer"), model.irVersion(), model.opsetVersion(),
                model.graph().nodes().size(), r.opCounts(), layers, seq.parameterCount(), seq.inputShape(),
                seq.outputShape(), diff);
    }

    /** Largest |layers − interpreter| on a random batch; IllegalStateException beyond the tolerance (a converter bug). */
    static double check(OnnxModel model, Sequential seq, String source) {
        int[] item = seq.inputShape();
        int[] shape = new int[item.length + 1];
        long declared = model.graph().runtimeInputs().get(0).dims()[0];
        shape[0] = declared > 0 && declared <= 64 ? (int) declared : CHECK_BATCH;
        System.arraycopy(item, 0, shape, 1, item.length);
        Tensor x = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(CHECK_SEED);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rng.nextDouble();
        }
        float[] ours = seq.infer(x).data();
        float[] ref = new OnnxInterpreter(model, source).run(NdArray.of(shape, x.data())).floats();
        if (ours.length != ref.length) {
            throw new IllegalStateException("converted model gives " + ours.length + " outputs, the graph " + ref.length);
        }
        double max = 0;
        for (int i = 0; i < ours.length; i++) {
            double d = Math.abs((double) ours[i] - ref[i]);
            if (!(d <= CHECK_TOLERANCE * Math.max(1, Math.abs(ref[i])))) {
                throw new IllegalStateException("converted model differs from the ONNX graph at output " + i + ": "
                        + ours[i] + " vs " + ref[i]);
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
