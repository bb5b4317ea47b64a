package org.undervolt.mapping;

import java.util.Arrays;
import java.util.List;

/**
 * A part of a DRAM module run at its own supply voltage and activation latency (EDEN's fine-grained
 * partitions, Koppula et al., MICRO 2019, §6), hence with its own bit error rate, access energy and
 * latency.
 *
 * @param name          identifier, e.g. {@code bank3}
 * @param granularity   what {@code units} count
 * @param units         ranks (flat over channels), banks (flat over channels and ranks) or subarrays
 *                      (flat bank × subarrays per bank + subarray), ascending
 * @param volts         core-rail supply voltage
 * @param trcdCycles    activation latency tRCD in clock cycles
 * @param ber           bit error rate at that operating point
 * @param capacityBytes bytes the partition holds
 */
public record Partition(String name, Granularity granularity, int[] units, double volts, int trcdCycles, double ber,
                        long capacityBytes) {

    public Partition {
        units = units.clone();
        Arrays.sort(units);
        if (units.length == 0) {
            throw new IllegalArgumentException("partition " + name + " has no units");
        }
        if (!(ber >= 0 && ber <= 1)) {
            throw new IllegalArgumentException("partition " + name + ": BER " + ber + " outside [0, 1]");
        }
    }

    /** Whether the subarray {@code subarray} of flat bank {@code flatBank} belongs to this partition. */
    public boolean contains(int flatBank, int subarray, DramModule module) {
        int id = switch (granularity) {
            case RANK -> flatBank / module.organization().banks();
            case BANK -> flatBank;
            case SUBARRAY -> flatBank * module.subarraysPerBank() + subarray;
        };
        return Arrays.binarySearch(units, id) >= 0;
    }

    /** The (flat bank, subarray) pairs of the partition, bank-major. */
    public List<int[]> subarrays(DramModule module) {
        int s = module.subarraysPerBank();
        int banksPerRank = module.organization().banks();
        java.util.ArrayList<int[]> out = new java.util.ArrayList<>();
        for (int u : units) {
            switch (granularity) {
                case RANK -> {
                    for (int b = u * banksPerRank; b < (u + 1) * banksPerRank; b++) {
                        for (int k = 0; k < s; k++) {
                            out.add(new int[] {b, k});
                        }
                    }
                }
                case BANK -> {
                    for (int k = 0; k < s; k++) {
                        out.add(new int[] {u, k});
                    }
                }
                case SUBARRAY -> out.add(new int[] {u / s, u % s});
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && p.name.equals(name) && p.granularity == granularity
                && Arrays.equals(p.units, units) && p.volts == volts && p.trcdCycles == trcdCycles && p.ber == ber
                && p.capacityBytes == capacityBytes;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return name + "(" + granularity.label() + " " + Arrays.toString(units) + ", " + volts + " V, tRCD " + trcdCycles
                + ", BER " + ber + ")";
    }
}
