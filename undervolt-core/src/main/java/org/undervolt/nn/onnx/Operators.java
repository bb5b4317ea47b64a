package org.undervolt.nn.onnx;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.undervolt.InvalidInputException;

/**
 * The supported operator subset of the default ONNX domain, with each operator's number of
 * required and allowed inputs. See the package documentation for the semantics of each.
 */
final class Operators {
    private record Entry(int minInputs, int maxInputs, Op op) {
    }

    private static final Map<String, Entry> OPS = new TreeMap<>();

    static {
        OPS.put("Add", new Entry(2, 2, ElementwiseOps::add));
        OPS.put("AveragePool", new Entry(1, 1, SpatialOps::averagePool));
        OPS.put("BatchNormalization", new Entry(5, 5, LinearOps::batchNorm));
        OPS.put("Clip", new Entry(1, 3, ElementwiseOps::clip));
        OPS.put("Concat", new Entry(1, Integer.MAX_VALUE, IndexOps::concat));
        OPS.put("Constant", new Entry(0, 0, ShapeOps::constant));
        OPS.put("Conv", new Entry(2, 3, SpatialOps::conv));
        OPS.put("Dropout", new Entry(1, 3, ElementwiseOps::dropout));
        OPS.put("Flatten", new Entry(1, 1, ShapeOps::flatten));
        OPS.put("Gather", new Entry(2, 2, IndexOps::gather));
        OPS.put("Gemm", new Entry(2, 3, LinearOps::gemm));
        OPS.put("GlobalAveragePool", new Entry(1, 1, SpatialOps::globalAveragePool));
        OPS.put("Identity", new Entry(1, 1, ElementwiseOps::identity));
        OPS.put("MatMul", new Entry(2, 2, LinearOps::matmul));
        OPS.put("MaxPool", new Entry(1, 1, SpatialOps::maxPool));
        OPS.put("Relu", new Entry(1, 1, ElementwiseOps::relu));
        OPS.put("Reshape", new Entry(1, 2, ShapeOps::reshape));
        OPS.put("Shape", new Entry(1, 1, IndexOps::shape));
        OPS.put("Softmax", new Entry(1, 1, ElementwiseOps::softmax));
        OPS.put("Transpose", new Entry(1, 1, ShapeOps::transpose));
        OPS.put("Unsqueeze", new Entry(1, 2, IndexOps::unsqueeze));
    }

    private Operators() {
    }

    /** The supported op_type names, sorted. */
    static Set<String> supported() {
        return OPS.keySet();
    }

    /**
     * Checks that {@code node} is in the default domain and the supported subset with a valid
     * number of inputs; InvalidInputException naming the node, the op and the supported ops otherwise.
     */
    static Op check(OnnxNode node, String source) {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            throw new InvalidInputException(source + ": " + node.label() + " is in domain '" + node.domain()
                    + "'; only the default ONNX domain is supported");
        }
        Entry e = OPS.get(node.opType());
        if (e == null) {
            throw new InvalidInputException(source + ": " + node.label() + ": op '" + node.opType()
                    + "' is not supported; supported ops: " + String.join(", ", supported()));
        }
        int n = node.inputs().size();
        if (n < e.minInputs() || n > e.maxInputs()) {
            throw new InvalidInputException(source + ": " + node.label() + " has " + n + " inputs, expected "
                    + (e.minInputs() == e.maxInputs() ? e.minInputs() : e.minInputs() + ".." + e.maxInputs()));
        }
        for (int i = 0; i < e.minInputs(); i++) {
            if (!node.hasInput(i)) {
                throw new InvalidInputException(source + ": " + node.label() + ": required input " + i + " is empty");
            }
        }
        if (node.outputs().isEmpty()) {
            throw new InvalidInputException(source + ": " + node.label() + " has no outputs");
        }
        return e.op();
    }
}
