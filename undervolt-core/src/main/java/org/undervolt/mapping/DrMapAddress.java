package org.undervolt.mapping;

import org.undervolt.dram.spec.Organization;

/**
 * Physical byte addresses in the DRMap layout that the timing simulator decodes with its {@code DRMap}
 * mapping ({@link org.undervolt.dram.sim.DrMapMapping}): from the least significant bits, column, bank group,
 * bank in group, rank, channel, subarray, row within subarray (Putra et al., DRMap, DAC 2020). This is the
 * inverse: a DRAM location to the address whose decode is that location, so a placement chosen row by row
 * reaches the simulator unchanged.
 */
public final class DrMapAddress {
    private DrMapAddress() {
    }

    /**
     * The address of byte {@code column} of row {@code rowInSubarray} of subarray {@code subarray} in flat bank
     * {@code flatBank} (over channels and ranks).
     */
    public static long of(DramModule m, int flatBank, int subarray, int rowInSubarray, int column) {
        Organization o = m.organization();
        int banks = o.banks();
        int bank = flatBank % banks;
        int rank = flatBank / banks % o.ranks();
        int channel = flatBank / banks / o.ranks();
        int bg = bank / o.banksPerGroup();
        int ba = bank % o.banksPerGroup();
        long a = rowInSubarray;
        a = a * m.subarraysPerBank() + subarray;
        a = a * o.channels() + channel;
        a = a * o.ranks() + rank;
        a = a * o.banksPerGroup() + ba;
        a = a * o.bankGroups() + bg;
        return a * o.bytesPerRow() + column;
    }
}
