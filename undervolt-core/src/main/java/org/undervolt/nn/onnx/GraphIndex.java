package org.undervolt.nn.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph prepared for conversion: every value computable without the runtime input is folded to
 * a constant (initializers, Constant nodes and any node whose inputs are all constant, e.g. a
 * Transpose of a weight), and the remaining "dynamic" nodes are indexed by the values they read.
 *
 * <p>Values computed from an activation's shape only (a Shape node and what follows from it, as in
 * PyTorch's {@code x.view(x.size(0), -1)}) are "shape values": they are not part of the chain,
 * and {@link #shapeValue} evaluates them for two batch sizes, so a Reshape can be checked to keep
 * the batch dimension.
 */
final class GraphIndex {
    private final Map<String, NdArray> constants = new HashMap<>();
    private final Map<String, List<OnnxNode>> consumers = new HashMap<>();
    private final Map<OnnxNode, Integer> order = new IdentityHashMap<>();
    private final List<OnnxNode> dynamic = new ArrayList<>();
    private final Set<String> shapeValues = new HashSet<>();
    private final OnnxModel model;
    private final String source;
    private List<Map<String, NdArray>> worlds;

    GraphIndex(OnnxModel model, String source) {
        this.model = model;
        this.source = source;
        OnnxGraph g = model.graph();
        constants.putAll(g.initializers());
        new OnnxInterpreter(model, source); // validates ops, input counts and definitions
        for (OnnxNode n : g.nodes()) {
            boolean allConst = true;
            for (int i = 0; i < n.inputs().size(); i++) {
                allConst &= !n.hasInput(i) || constants.containsKey(n.inputs().get(i));
            }
            if (allConst) {
                NdArray[] in = new NdArray[n.inputs().size()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = n.hasInput(i) ? constants.get(n.inputs().get(i)) : null;
                }
                NdArray[] out;
                try {
                    out = Operators.check(n, source).apply(n, in, model.opsetVersion());
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new org.undervolt.InvalidInputException(source + ": " + n.label() + ": " + e.getMessage(), e);
                }
                for (int j = 0; j < out.length && j < n.outputs().size(); j++) {
                    constants.put(n.outputs().get(j), out[j]);
                }
                continue;
            }
            boolean fromShapes = n.opType().equals("Shape");
            if (!fromShapes) {
                fromShapes = true;
                for (int i = 0; i < n.inputs().size(); i++) {
                    String v = n.inputs().get(i);
                    fromShapes &= !n.hasInput(i) || constants.containsKey(v) || shapeValues.contains(v);
                }
            }
            if (fromShapes) {
                shapeValues.addAll(n.outputs());
                continue;
            }
            order.put(n, dynamic.size());
            dynamic.add(n);
            for (int i = 0; i < n.inputs().size(); i++) {
                if (n.hasInput(i) && !constants.containsKey(n.inputs().get(i)) && !shapeValues.contains(n.inputs().get(i))) {
                    List<OnnxNode> c = consumers.computeIfAbsent(n.inputs().get(i), k -> new ArrayList<>());
                    if (!c.contains(n)) {
                        c.add(n);
                    }
                }
            }
        }
    }

    boolean isConstant(String value) {
        return constants.containsKey(value);
    }

    /** The constant value, or {@code null}. */
    NdArray constant(String value) {
        return constants.get(value);
    }

    /**
     * A value computed from activation shapes, evaluated with batch 2 and batch 3 (or once with
     * the batch the graph fixes); {@code null} if {@code value} is not such a value.
     */
    List<NdArray> shapeValue(String value) {
        if (!shapeValues.contains(value)) {
            return null;
        }
        if (worlds == null) {
            OnnxValueInfo in = model.graph().runtimeInputs().get(0);
            long declared = in.dims()[0];
            int[] batches = declared > 0 ? new int[] {(int) declared} : new int[] {2, 3};
            OnnxInterpreter interp = new OnnxInterpreter(model, source);
            worlds = new ArrayList<>();
            for (int b : batches) {
                int[] shape = new int[in.dims().length];
                shape[0] = b;
                for (int i = 1; i < shape.length; i++) {
                    shape[i] = (int) in.dims()[i];
                }
                worlds.add(interp.runAll(Map.of(in.name(), NdArray.of(shape, new float[(int) NdArray.count(shape)]))));
            }
        }
        return worlds.stream().map(w -> w.get(value)).toList();
    }

    /** Batch size used by {@link #shapeValue}'s i-th evaluation. */
    int shapeBatch(int i) {
        long declared = model.graph().runtimeInputs().get(0).dims()[0];
        return declared > 0 ? (int) declared : 2 + i;
    }

    /** The dynamic nodes reading {@code value}, in graph order. */
    List<OnnxNode> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** Position of a dynamic node in topological order. */
    int position(OnnxNode n) {
        return order.get(n);
    }

    /** The dynamic nodes reachable from {@code start} (inclusive). */
    Set<OnnxNode> reachable(OnnxNode start) {
        Set<OnnxNode> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<OnnxNode> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            OnnxNode n = todo.remove(todo.size() - 1);
            if (seen.add(n)) {
                for (String out : n.outputs()) {
                    todo.addAll(consumers(out));
                }
            }
        }
        return seen;
    }

    /** Names of the dynamic inputs of {@code n}. */
    List<String> dynamicInputs(OnnxNode n) {
        List<String> r = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            String v = n.inputs().get(i);
            if (n.hasInput(i) && !constants.containsKey(v) && !shapeValues.contains(v) && seen.add(v)) {
                r.add(v);
            }
        }
        return r;
    }
}
