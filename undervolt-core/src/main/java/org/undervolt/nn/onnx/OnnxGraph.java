package org.undervolt.nn.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computation graph ({@code GraphProto}): nodes in topological order, graph inputs and outputs,
 * and the constant tensors (initializers) by name, in file order.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs,
        Map<String, NdArray> initializers) {

    public OnnxGraph {
        nodes = List.copyOf(nodes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
    }

    /** The graph inputs that are fed at run time (inputs not backed by an initializer). */
    public List<OnnxValueInfo> runtimeInputs() {
        return inputs.stream().filter(v -> !initializers.containsKey(v.name())).toList();
    }
}
