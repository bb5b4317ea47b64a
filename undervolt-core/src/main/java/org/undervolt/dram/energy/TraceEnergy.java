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
 * is their sum; interface / IO / termination energy is not modelled ({@link #ioJoules()} is null).
 *
 * @param counting   whose counting rules were followed
 * @param components component → joules (unmodifiable, in the order above)
 * @param cycles     the counted commands and state cycles
 */
public record TraceEnergy(EnergyCounting counting, Map<String, Double> components, StateCycles cycles) {

    /** Component keys in output order. */
    public static final String[] KEYS = {"act", "pre", "rd", "wr", "rda", "wra", "ref", "act_background",
        "pre_background", "power_down", "self_refresh"};

    public TraceEnergy {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : KEYS) {
            m.put(k, components.getOrDefault(k, 0.0));
        }
        components = Collections.unmodifiableMap(m);
    }

    /** Commands + background + refresh + power-down + self refresh, without interface energy. */
    public double coreJoules() {
        double s = 0;
        for (double v : components.values()) {
            s += v;
        }
        return s;
    }

    /** Interface / IO / termination energy: not modelled, so null. */
    public Double ioJoules() {
        return null;
    }

    /** Core energy (IO not modelled). */
    public double totalJoules() {
        return coreJoules();
    }

    public double get(String key) {
        Double v = components.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no component " + key);
        }
        return v;
    }
}
