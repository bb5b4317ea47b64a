package org.undervolt.nn.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One operator application ({@code NodeProto}). An empty input name means an omitted optional input.
 * Attributes are kept sorted by name, so encoding is deterministic.
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        Map<String, OnnxAttribute> attributes) {

    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
    }

    /** Name for messages: {@code 'conv1' (Conv)}. */
    public String label() {
        return "node '" + name + "' (" + opType + ")";
    }

    /** Whether input {@code i} is present (exists and is not the empty name). */
    public boolean hasInput(int i) {
        return i < inputs.size() && !inputs.get(i).isEmpty();
    }

    public long intAttr(String key, long dflt) {
        OnnxAttribute a = typed(key, OnnxAttribute.INT);
        return a == null ? dflt : a.i();
    }

    public float floatAttr(String key, float dflt) {
        OnnxAttribute a = typed(key, OnnxAttribute.FLOAT);
        return a == null ? dflt : a.f();
    }

    public String stringAttr(String key, String dflt) {
        OnnxAttribute a = typed(key, OnnxAttribute.STRING);
        return a == null ? dflt : a.s();
    }

    /** An INTS attribute, or {@code null} if absent. */
    public long[] intsAttr(String key) {
        OnnxAttribute a = typed(key, OnnxAttribute.INTS);
        return a == null ? null : a.ints().clone();
    }

    /** An INTS attribute as ints, {@code dflt} (not copied) if absent. */
    public int[] intsAttr(String key, int[] dflt) {
        long[] v = intsAttr(key);
        if (v == null) {
            return dflt;
        }
        int[] r = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            if (v[j] != (int) v[j]) {
                throw new IllegalArgumentException("attribute " + key + " value " + v[j] + " out of range");
            }
            r[j] = (int) v[j];
        }
        return r;
    }

    private OnnxAttribute typed(String key, int type) {
        OnnxAttribute a = attributes.get(key);
        if (a != null && a.type() != type) {
            throw new IllegalArgumentException("attribute " + key + " has type " + OnnxAttribute.typeName(a.type())
                    + ", expected " + OnnxAttribute.typeName(type));
        }
        return a;
    }

    @Override
    public String toString() {
        return label() + " " + inputs + " -> " + outputs + " " + Arrays.toString(attributes.keySet().toArray());
    }
}
