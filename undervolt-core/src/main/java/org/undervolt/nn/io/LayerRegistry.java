package org.undervolt.nn.io;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Relu;

/**
 * Rebuilds a layer from the {@code (type, name, config)} a checkpoint stores. Adding a layer type
 * means adding one entry here; an entry is never removed or reinterpreted, so old checkpoints keep loading.
 */
public final class LayerRegistry {

    /** Builds a layer of one type from its name and config integers. */
    @FunctionalInterface
    interface Factory {
        Layer create(String name, int[] config);
    }

    private static final Map<String, Factory> FACTORIES = new TreeMap<>();

    static {
        FACTORIES.put("dense", (name, c) -> new Dense(name, arg(c, 0, 2, "dense"), c[1]));
        FACTORIES.put("relu", (name, c) -> new Relu(name));
        FACTORIES.put("flatten", (name, c) -> new Flatten(name));
    }

    private LayerRegistry() {
    }

    /** Known type tags. */
    public static Set<String> types() {
        return FACTORIES.keySet();
    }

    /**
     * A new layer (parameters zero) of this type; IllegalArgumentException for an unknown type or
     * a config of the wrong length or with impossible values.
     */
    public static Layer create(String type, String name, int[] config) {
        Factory f = FACTORIES.get(type);
        if (f == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "', known: " + types());
        }
        return f.create(name, config);
    }

    /** {@code config[i]}, after checking the config has exactly {@code length} entries. */
    static int arg(int[] config, int i, int length, String type) {
        if (config.length != length) {
            throw new IllegalArgumentException(type + " layer needs " + length + " config values, got " + config.length);
        }
        return config[i];
    }
}
