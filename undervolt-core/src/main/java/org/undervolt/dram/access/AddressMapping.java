package org.undervolt.dram.access;

import org.undervolt.dram.spec.Organization;

/**
 * Maps a physical byte address to its DRAM location. Implementations are swappable (bit-field orders,
 * XOR/permutation schemes, DRMap-style mappings).
 */
public interface AddressMapping {

    /** Name of the mapping (e.g. "RoBaRaCoCh"). */
    String name();

    /** The organisation the mapping decodes into. */
    Organization organization();

    /** Full decode of {@code byteAddress}. */
    DramAddress decode(long byteAddress);

    /** Flat bank index over channels × ranks × banks, in [0, {@link #flatBanks()}): for row-buffer tracking. */
    int flatBank(long byteAddress);

    /** Row of {@code byteAddress} in its bank. */
    int row(long byteAddress);

    /** Number of distinct {@link #flatBank} values. */
    default int flatBanks() {
        Organization o = organization();
        return o.channels() * o.ranks() * o.banks();
    }

    /**
     * A bit-field mapping for {@code org}; {@code order} lists fields from most to least significant, either
     * Ramulator-style ("RoBaRaCoCh", "ChRaBaRoCo", "RoBgBaCo"…: Ch, Ra, Bg, Ba, Ro, Co) or colon-separated
     * names ("row:bank:column", "bank:row:column"; names channel, rank, bankgroup, bank, row, column).
     */
    static AddressMapping of(String order, Organization org) {
        return BitFieldMapping.parse(order, org);
    }
}
