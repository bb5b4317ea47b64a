package org.undervolt.mapping;

import org.undervolt.dram.energy.CoreVoltages;

/** The core-rail voltage each subarray of a module runs at: the energy listener's {@link CoreVoltages}, built from partitions. */
@FunctionalInterface
public interface VoltageMap extends CoreVoltages {

    /** The whole module at one voltage. */
    static VoltageMap uniform(double volts) {
        return (b, s) -> volts;
    }

    /** Each partition's subarrays at its voltage, subarrays in no partition at {@code otherVolts}. */
    static VoltageMap of(PartitionSet set, double otherVolts) {
        return of(set, otherVolts, p -> true);
    }

    /** The partitions {@code lowered} accepts at their voltage, every other subarray at {@code otherVolts}. */
    static VoltageMap of(PartitionSet set, double otherVolts, java.util.function.Predicate<Partition> lowered) {
        DramModule m = set.module();
        double[] v = new double[m.totalBanks() * m.subarraysPerBank()];
        java.util.Arrays.fill(v, otherVolts);
        for (Partition p : set.partitions()) {
            if (!lowered.test(p)) {
                continue;
            }
            for (int[] u : p.subarrays(m)) {
                v[u[0] * m.subarraysPerBank() + u[1]] = p.volts();
            }
        }
        int s = m.subarraysPerBank();
        return (b, k) -> v[b * s + k];
    }
}
