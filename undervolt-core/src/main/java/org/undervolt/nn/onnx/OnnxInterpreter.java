package org.undervolt.nn.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.undervolt.InvalidInputException;

/**
 * Runs any graph of the supported subset node by node with full ONNX semantics (broadcasting,
 * padding modes, transposes, arbitrary ranks where the op allows). It is the reference path: a
 * graph that {@link SequentialImporter} cannot turn into Undervolt layers (several inputs, a
 * Transpose, asymmetric padding) still runs here, and the importer's layers are tested against it.
 *
 * <p>Construction validates the whole graph (supported ops and input counts, every value defined
 * before use, outputs produced); problems end in {@link InvalidInputException}. {@link #run} is
 * thread-safe.
 */
public final class OnnxInterpreter {
    private final OnnxModel model;
    private final String source;
    private final List<Op> ops;

    public OnnxInterpreter(OnnxModel model, String source) {
        this.model = model;
        this.source = source;
        OnnxGraph g = model.graph();
        Set<String> defined = new HashSet<>(g.initializers().keySet());
        for (OnnxValueInfo v : g.inputs()) {
            defined.add(v.name());
        }
        ops = new java.util.ArrayList<>(g.nodes().size());
        for (OnnxNode n : g.nodes()) {
            ops.add(Operators.check(n, source));
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new InvalidInputException(source + ": " + n.label() + " reads '" + in
                            + "', which no earlier node, graph input or initializer defines");
                }
            }
            defined.addAll(n.outputs());
        }
        for (OnnxValueInfo v : g.outputs()) {
            if (!defined.contains(v.name())) {
                throw new InvalidInputException(source + ": graph output '" + v.name() + "' is never computed");
            }
        }
    }

    public OnnxModel model() {
        return model;
    }

    /**
     * Evaluates the graph.
     *
     * @param feeds a value for every graph input that has no initializer, by name
     * @return the graph outputs, by name, in graph order
     */
    public Map<String, NdArray> run(Map<String, NdArray> feeds) {
        Map<String, NdArray> values = runAll(feeds);
        Map<String, NdArray> result = new LinkedHashMap<>();
        for (OnnxValueInfo v : model.graph().outputs()) {
            result.put(v.name(), values.get(v.name()));
        }
        return result;
    }

    /** Evaluates the graph and returns every value (inputs, initializers, node outputs) by name. */
    Map<String, NdArray> runAll(Map<String, NdArray> feeds) {
        OnnxGraph g = model.graph();
        Map<String, NdArray> values = new HashMap<>(g.initializers());
        for (OnnxValueInfo v : g.runtimeInputs()) {
            NdArray x = feeds.get(v.name());
            if (x == null) {
                throw new InvalidInputException(source + ": no value fed for graph input '" + v.name() + "'");
            }
            checkFeed(v, x);
            values.put(v.name(), x);
        }
        List<OnnxNode> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            OnnxNode n = nodes.get(i);
            NdArray[] in = new NdArray[n.inputs().size()];
            for (int j = 0; j < in.length; j++) {
                in[j] = n.hasInput(j) ? values.get(n.inputs().get(j)) : null;
            }
            NdArray[] out;
            try {
                out = ops.get(i).apply(n, in, model.opsetVersion());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new InvalidInputException(source + ": " + n.label() + ": " + e.getMessage(), e);
            }
            for (int j = 0; j < out.length && j < n.outputs().size(); j++) {
                if (!n.outputs().get(j).isEmpty()) {
                    values.put(n.outputs().get(j), out[j]);
                }
            }
        }
        return values;
    }

    /** Runs a graph with one runtime input and returns its first output. */
    public NdArray run(NdArray input) {
        List<OnnxValueInfo> ins = model.graph().runtimeInputs();
        if (ins.size() != 1) {
            throw new InvalidInputException(source + ": graph has " + ins.size() + " runtime inputs, expected 1");
        }
        return run(Map.of(ins.get(0).name(), input)).values().iterator().next();
    }

    private void checkFeed(OnnxValueInfo v, NdArray x) {
        if (v.elemType() != 0 && v.elemType() != x.elemType()) {
            throw new InvalidInputException(source + ": graph input '" + v.name() + "' has type "
                    + OnnxReader.typeName(v.elemType()) + ", fed " + OnnxReader.typeName(x.elemType()));
        }
        long[] dims = v.dims();
        if (dims == null) {
            return;
        }
        boolean ok = dims.length == x.rank();
        for (int i = 0; ok && i < dims.length; i++) {
            ok = dims[i] < 0 || (v.dimNames() != null && v.dimNames()[i] != null) || dims[i] == x.dim(i);
        }
        if (!ok) {
            throw new InvalidInputException(source + ": graph input '" + v.name() + "' has shape "
                    + Arrays.toString(dims) + ", fed " + Arrays.toString(x.shape()));
        }
    }
}
