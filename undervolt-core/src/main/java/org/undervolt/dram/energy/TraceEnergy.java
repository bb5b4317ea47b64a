package org.undervolt.dram.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy of a command trace, in joules, by component.
 *
 * <p>Component keys (always all present, 0 where absent): {@code act}, {@code pre}, {@code rd}, {@code wr},
 * {@code rda}, {@code wra} (column energy plus the auto-precharge's PRE energy), {@code ref},
 * {@code act_background}, {@code pre_background}, {@code power_down}, {@code self_refresh}. {@code core}
 * is their sum. Interface energy ({@code io}: read IO and write termination) is modelled only where
 * DRAMPower 4.1's {@code -r} model applies (single-rank DDR3, DDR4, LPDDR3 under 4.1 counting); elsewhere
 * {@link #ioJoules()} is null and the total is the core energy.
 *
 * @param counting     whose counting rules were followed
 * @param components   component → joules (unmodifiable, in the order above)
 * @param ioComponents interface component → joules, or null where not modelled
 * @param cycles       the counted commands and state cycles
 */
public record TraceEnergy(EnergyCounting counting, Map<String, Double> components, Map<String, Double> ioComponents,
                          StateCycles cycles) {

    /** Component keys in output order. */
    public static final String[] KEYS = {"act", "pre", "rd", "wr", "rda", "wra", "ref", "act_background",
        "pre_background", "power_down", "self_refresh"};

    public TraceEnergy {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : KEYS) {
            m.put(k, components.getOrDefault(k, 0.0));
        }
        components = Collections.unmodifiableMap(m);
        ioComponents = ioComponents == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ioComponents));
    }

    /** Commands + background + refresh + power-down + self refresh, without interface energy. */
    public double coreJoules() {
        double s = 0;
        for (double v : components.values()) {
            s += v;
        }
        return s;
    }

    /** Interface / IO / termination energy, or null where not modelled. */
    public Double ioJoules() {
        if (ioComponents == null) {
            return null;
        }
        double s = 0;
        for (double v : ioComponents.values()) {
            s += v;
        }
        return s;
    }

    /** Core energy plus interface energy where modelled. */
    public double totalJoules() {
        Double io = ioJoules();
        return coreJoules() + (io == null ? 0 : io);
    }

    public double get(String key) {
        Double v = components.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no component " + key);
        }
        return v;
    }
}
