package org.undervolt.nn.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds small ONNX graphs by hand for tests (the shapes other exporters produce). */
final class GraphBuilder {
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, NdArray> inits = new LinkedHashMap<>();
    private final SplittableRandom rng;
    private final long opset;

    GraphBuilder(long seed, long opset) {
        this.rng = new SplittableRandom(seed);
        this.opset = opset;
    }

    /** A random initializer with values in [-1, 1) (or [0.5, 1.5) when {@code positive}). */
    String weight(String name, boolean positive, int... shape) {
        float[] v = new float[(int) NdArray.count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (positive ? 0.5 + rng.nextDouble() : 2 * rng.nextDouble() - 1);
        }
        inits.put(name, NdArray.of(shape, v));
        return name;
    }

    String longs(String name, long... v) {
        inits.put(name, NdArray.ofLongs(new int[] {v.length}, v));
        return name;
    }

    GraphBuilder node(String op, List<String> in, String out, OnnxAttribute... attrs) {
        Map<String, OnnxAttribute> m = new LinkedHashMap<>();
        for (OnnxAttribute a : attrs) {
            m.put(a.name(), a);
        }
        nodes.add(new OnnxNode(out + "_node", op, "", in, List.of(out), m));
        return this;
    }

    OnnxModel build(int[] inputShape, String output) {
        long[] dims = new long[inputShape.length];
        String[] names = new String[inputShape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = inputShape[i];
        }
        dims[0] = -1;
        names[0] = "batch";
        OnnxGraph g = new OnnxGraph("g", nodes, List.of(new OnnxValueInfo("x", NdArray.FLOAT, dims, names)),
                List.of(new OnnxValueInfo(output, NdArray.FLOAT, null, null)), inits);
        return new OnnxModel(8, opset, "test", "", g);
    }
}
