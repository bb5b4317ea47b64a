package org.undervolt.store;

/**
 * Text keys of sweep points. A BER is written with {@link Double#toString}, which reads back as the
 * same double, so a key names its point exactly.
 */
public final class PointKeys {
    private PointKeys() {
    }

    /** The key of a whole-network BER point: {@code ber=<value>}. */
    public static String ber(double ber) {
        return "ber=" + ber;
    }

    /** The key of a per-layer, per-data-type BER point: {@code layer=<l>;type=<t>;ber=<value>}. */
    public static String layerType(String layer, String dataType, double ber) {
        return "layer=" + layer + ";type=" + dataType + ";ber=" + ber;
    }
}
