package org.undervolt.nn.io;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.undervolt.nn.layer.AvgPool2d;
import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Dropout;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.GlobalAvgPool;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.layer.Residual;
import org.undervolt.nn.layer.Softmax;

/**
 * Rebuilds a layer from the {@code (type, name, config, children)} a checkpoint stores. Adding a
 * layer type means adding one entry here; an entry is never removed or reinterpreted, so old
 * checkpoints keep loading.
 *
 * <table>
 * <caption>Layer types and their config integers</caption>
 * <tr><th>type</th><th>config</th><th>children</th></tr>
 * <tr><td>dense</td><td>in, out</td><td>0</td></tr>
 * <tr><td>conv2d</td><td>in, out, kernel, stride, pad</td><td>0</td></tr>
 * <tr><td>maxpool2d, avgpool2d</td><td>kernel, stride</td><td>0</td></tr>
 * <tr><td>batchnorm</td><td>channels</td><td>0</td></tr>
 * <tr><td>dropout</td><td>Float.floatToIntBits(p)</td><td>0</td></tr>
 * <tr><td>relucap</td><td>Float.floatToIntBits(cap)</td><td>0</td></tr>
 * <tr><td>relu, flatten, globalavgpool, softmax</td><td>(none)</td><td>0</td></tr>
 * <tr><td>residual</td><td>main count m, shortcut count s</td><td>m + s (main first)</td></tr>
 * </table>
 */
public final class LayerRegistry {

    /** Builds a layer of one type from its name, config integers and child layers. */
    @FunctionalInterface
    interface Factory {
        Layer create(String name, int[] config, List<Layer> children);
    }

    private record Entry(int configLength, Factory factory) {
    }

    private static final Map<String, Entry> TYPES = new TreeMap<>();

    static {
        TYPES.put("dense", new Entry(2, (n, c, ch) -> new Dense(n, c[0], c[1])));
        TYPES.put("conv2d", new Entry(5, (n, c, ch) -> new Conv2d(n, c[0], c[1], c[2], c[3], c[4])));
        TYPES.put("maxpool2d", new Entry(2, (n, c, ch) -> new MaxPool2d(n, c[0], c[1])));
        TYPES.put("avgpool2d", new Entry(2, (n, c, ch) -> new AvgPool2d(n, c[0], c[1])));
        TYPES.put("batchnorm", new Entry(1, (n, c, ch) -> new BatchNorm(n, c[0])));
        TYPES.put("dropout", new Entry(1, (n, c, ch) -> new Dropout(n, Float.intBitsToFloat(c[0]))));
        TYPES.put("relu", new Entry(0, (n, c, ch) -> new Relu(n)));
        TYPES.put("relucap", new Entry(1, (n, c, ch) -> new Relu(n, Float.intBitsToFloat(c[0]))));
        TYPES.put("flatten", new Entry(0, (n, c, ch) -> new Flatten(n)));
        TYPES.put("globalavgpool", new Entry(0, (n, c, ch) -> new GlobalAvgPool(n)));
        TYPES.put("softmax", new Entry(0, (n, c, ch) -> new Softmax(n)));
        TYPES.put("residual", new Entry(2, (n, c, ch) -> new Residual(n, ch.subList(0, c[0]), ch.subList(c[0], ch.size()))));
    }

    private LayerRegistry() {
    }

    /** Known type tags. */
    public static Set<String> types() {
        return TYPES.keySet();
    }

    /** How many child layers follow a layer of this type and config in a checkpoint. */
    public static int childCount(String type, int[] config) {
        check(type, config);
        if (type.equals("residual")) {
            if (config[0] < 0 || config[1] < 0) {
                throw new IllegalArgumentException("residual layer with negative branch length");
            }
            return config[0] + config[1];
        }
        return 0;
    }

    /**
     * How many parameter values a layer of this type and config allocates (weights, biases, batch-norm
     * statistics), in 64-bit arithmetic so absurd configs cannot overflow; 0 for parameterless types.
     * Lets a reader refuse a config the file's remaining bytes cannot back before allocating it.
     */
    public static long parameterCount(String type, int[] config) {
        check(type, config);
        return switch (type) {
            case "dense" -> (long) config[0] * config[1] + config[1];
            case "conv2d" -> (long) config[1] * config[0] * config[2] * config[2] + config[1];
            case "batchnorm" -> 4L * config[0];
            default -> 0;
        };
    }

    /**
     * A new layer (parameters at their defaults) of this type; IllegalArgumentException for an
     * unknown type or a config of the wrong length or with impossible values.
     */
    public static Layer create(String type, String name, int[] config, List<Layer> children) {
        Entry e = check(type, config);
        if (children.size() != childCount(type, config)) {
            throw new IllegalArgumentException(type + " layer '" + name + "' needs " + childCount(type, config)
                    + " children, got " + children.size());
        }
        return e.factory().create(name, config, children);
    }

    private static Entry check(String type, int[] config) {
        Entry e = TYPES.get(type);
        if (e == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "', known: " + types());
        }
        if (config.length != e.configLength()) {
            throw new IllegalArgumentException(type + " layer needs " + e.configLength() + " config values, got " + config.length);
        }
        return e;
    }
}
