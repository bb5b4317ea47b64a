package org.undervolt.nn.layer;

/**
 * What every layer holds the same way: its name, its checkpoint type tag and the integers of its
 * configuration ({@link Layer#config()}), fixed when it is built.
 */
abstract class NamedLayer implements Layer {
    private final String name;
    private final String type;
    private final int[] config;

    NamedLayer(String name, String type, int... config) {
        this.name = name;
        this.type = type;
        this.config = config.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int[] config() {
        return config.clone();
    }
}
