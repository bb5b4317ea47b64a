package org.undervolt.dram.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy of a command stream read out of {@link EnergyListener} at each subarray's voltage, in joules by component:
 * {@code act}, {@code pre}, {@code rd}, {@code wr} (an auto-precharge's PRE counted under {@code pre}), and, where
 * the stream is timed, {@code ref}, {@code act_background}, {@code pre_background}.
 *
 * @param joules component → joules (unmodifiable, in the order above)
 * @param cycles the counted commands and state cycles, or null where the stream is not timed
 */
public record StreamEnergy(Map<String, Double> joules, StateCycles cycles) {

    public StreamEnergy {
        joules = Collections.unmodifiableMap(new LinkedHashMap<>(joules));
    }

    /** Every component summed (compensated summation, {@link java.util.stream.DoubleStream#sum}). */
    public double totalJoules() {
        return joules.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** ACT + PRE + RD + WR: the command energy, without refresh and background. */
    public double commandJoules() {
        return joules.get("act") + joules.get("pre") + joules.get("rd") + joules.get("wr");
    }

    /** Refresh plus active and precharged background: what a longer run (slower timings) costs in standby. */
    public double backgroundJoules() {
        return joules.getOrDefault("ref", 0.0) + joules.getOrDefault("act_background", 0.0)
                + joules.getOrDefault("pre_background", 0.0);
    }

    /** Component {@code key}; throws if the stream did not price it. */
    public double get(String key) {
        Double v = joules.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no component " + key + " (have " + joules.keySet() + ")");
        }
        return v;
    }
}
