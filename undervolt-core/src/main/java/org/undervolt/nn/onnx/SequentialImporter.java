package org.undervolt.nn.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Residual;
import org.undervolt.nn.model.Sequential;

/**
 * Turns an ONNX graph into an Undervolt {@link Sequential}, so an imported network runs on the
 * engine that owns its stored bytes (formats, fault injection, checkpoints).
 *
 * <p>The graph must have one FLOAT input {@code [batch, ...]} with known per-item dimensions and
 * one output, and be a chain of the supported ops in which a value may fork into two branches
 * that meet again in an Add (a residual block, nested blocks allowed). Constant sub-graphs are
 * folded first. Per-node rules are in {@link NodeMapper}; anything outside them is reported
 * with one line naming the node, and the graph can still run in {@link OnnxInterpreter}.
 */
public final class SequentialImporter {
    private final GraphIndex index;
    private final String source;
    private final NodeMapper mapper;
    private final String output;

    /** The converted model and the number of ONNX nodes of each op type in the file. */
    public record Result(Sequential model, SortedMap<String, Integer> opCounts) {
    }

    private SequentialImporter(OnnxModel model, String source) {
        this.source = source;
        this.index = new GraphIndex(model, source);
        this.mapper = new NodeMapper(index, model.opsetVersion(), source);
        List<OnnxValueInfo> outs = model.graph().outputs();
        if (outs.size() != 1) {
            throw new InvalidInputException(source + ": graph has " + outs.size() + " outputs; a Sequential model has 1");
        }
        this.output = outs.get(0).name();
    }

    /** Converts {@code model}; InvalidInputException (one line, naming the node) if it cannot. */
    public static Result convert(OnnxModel model, String source) {
        SequentialImporter im = new SequentialImporter(model, source);
        List<OnnxValueInfo> ins = model.graph().runtimeInputs();
        if (ins.size() != 1) {
            throw new InvalidInputException(source + ": graph has " + ins.size() + " runtime inputs; a Sequential model has 1");
        }
        int[] perItem = perItemShape(ins.get(0), source);
        Shape start = new Shape(perItem, perItem);
        Chain c = im.walk(ins.get(0).name(), null, start, null);
        if (!c.value().equals(im.output)) {
            throw new InvalidInputException(source + ": graph output '" + im.output + "' is not the end of the chain");
        }
        Sequential seq;
        try {
            seq = new Sequential(perItem, c.layers());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
        SortedMap<String, Integer> ops = new TreeMap<>();
        for (OnnxNode n : model.graph().nodes()) {
            ops.merge(n.opType(), 1, Integer::sum);
        }
        return new Result(seq, ops);
    }

    private static int[] perItemShape(OnnxValueInfo in, String source) {
        if (in.elemType() != NdArray.FLOAT) {
            throw new InvalidInputException(source + ": graph input '" + in.name() + "' has type "
                    + OnnxReader.typeName(in.elemType()) + ", expected FLOAT");
        }
        long[] d = in.dims();
        if (d == null || d.length < 2) {
            throw new InvalidInputException(source + ": graph input '" + in.name() + "' needs a shape [batch, ...] with rank >= 2");
        }
        int[] s = new int[d.length - 1];
        for (int i = 1; i < d.length; i++) {
            if (d[i] <= 0 || d[i] > Integer.MAX_VALUE) {
                throw new InvalidInputException(source + ": graph input '" + in.name() + "' dimension " + i
                        + " must be a positive number, got " + (d[i] < 0 ? "a symbolic one" : d[i]));
            }
            s[i - 1] = (int) d[i];
        }
        return s;
    }

    /** Shapes of a value without the batch dimension: as ONNX sees it, and as Undervolt's layers see it. */
    record Shape(int[] onnx, int[] layers) {
    }

    /** Layers converted along a chain, the value it ends at and its shape. */
    private record Chain(List<Layer> layers, String value, Shape shape) {
    }

    /**
     * Follows the chain from {@code value} (or from node {@code first} applied to it) until the
     * graph output, or until the next consumer is {@code stop} (the Add closing a residual branch).
     */
    private Chain walk(String value, OnnxNode first, Shape shape, OnnxNode stop) {
        List<Layer> layers = new ArrayList<>();
        OnnxNode next = first;
        while (true) {
            if (next == null) {
                List<OnnxNode> cons = index.consumers(value);
                if (stop != null && cons.size() == 1 && cons.get(0) == stop) {
                    return new Chain(layers, value, shape);
                }
                if (cons.isEmpty()) {
                    if (stop != null || !value.equals(output)) {
                        throw new InvalidInputException(source + ": value '" + value + "' ends the chain but is not the graph output");
                    }
                    return new Chain(layers, value, shape);
                }
                if (value.equals(output)) {
                    throw new InvalidInputException(source + ": graph output '" + value + "' is also read by "
                            + cons.get(0).label() + "; not a chain");
                }
                if (cons.size() == 2) {
                    Chain r = residual(value, cons, shape);
                    layers.addAll(r.layers());
                    value = r.value();
                    shape = r.shape();
                    continue;
                }
                if (cons.size() > 2) {
                    throw new InvalidInputException(source + ": value '" + value + "' feeds " + cons.size()
                            + " nodes; only two-way forks closed by an Add (residual blocks) are supported");
                }
                next = cons.get(0);
            }
            if (index.dynamicInputs(next).size() != 1) {
                throw new InvalidInputException(source + ": " + next.label() + " joins two branches that do not fork from one value"
                        + " in a residual pattern");
            }
            NodeMapper.Mapped m = mapper.map(next, shape, this::usedName);
            layers.addAll(m.layers());
            shape = m.shape();
            value = m.value();
            next = null;
        }
    }

    /** A fork of {@code value} into two branches that must meet in an Add. */
    private Chain residual(String value, List<OnnxNode> cons, Shape shape) {
        Set<OnnxNode> both = index.reachable(cons.get(0));
        both.retainAll(index.reachable(cons.get(1)));
        OnnxNode join = both.stream().min((a, b) -> Integer.compare(index.position(a), index.position(b))).orElse(null);
        if (join == null || !join.opType().equals("Add") || index.dynamicInputs(join).size() != 2) {
            throw new InvalidInputException(source + ": value '" + value + "' forks into " + cons.get(0).label() + " and "
                    + cons.get(1).label() + ", which do not meet in an Add (the only supported join)");
        }
        Chain[] branch = new Chain[2];
        for (int i = 0; i < 2; i++) {
            OnnxNode c = cons.get(i);
            branch[i] = c == join ? new Chain(List.of(), value, shape) : walk(value, c, shape, join);
        }
        // main branch: the longer one; on a tie, the one feeding the Add's first input
        int first = join.inputs().get(0).equals(branch[0].value()) ? 0 : 1;
        int main = branch[1 - first].layers().size() > branch[first].layers().size() ? 1 - first : first;
        Chain a = branch[main];
        Chain b = branch[1 - main];
        if (a.layers().isEmpty()) {
            throw new InvalidInputException(source + ": " + join.label() + " adds a value to itself; not a residual block");
        }
        if (!Arrays.equals(a.shape().onnx(), b.shape().onnx()) || !Arrays.equals(a.shape().layers(), b.shape().layers())) {
            throw new InvalidInputException(source + ": " + join.label() + " adds shapes " + Arrays.toString(a.shape().onnx())
                    + " and " + Arrays.toString(b.shape().onnx()) + "; broadcasting residual adds are not supported");
        }
        String name = usedName(join.name(), "residual");
        return new Chain(List.of(new Residual(name, a.layers(), b.layers())), join.outputs().get(0), a.shape());
    }

    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> counters = new TreeMap<>();

    /** A unique layer name from an ONNX node name ({@code /conv1/Conv} becomes {@code conv1_Conv}). */
    private String usedName(String onnxName, String fallback) {
        String s = onnxName.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^_+", "");
        if (s.isEmpty() || !names.add(s)) {
            do {
                s = fallback + counters.merge(fallback, 1, Integer::sum);
            } while (!names.add(s));
        }
        return s;
    }
}
