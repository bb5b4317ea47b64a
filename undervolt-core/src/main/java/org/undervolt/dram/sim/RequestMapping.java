package org.undervolt.dram.sim;

import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.DramAddress;
import org.undervolt.dram.spec.Organization;

/**
 * An address mapping the simulator decodes requests with: byte address → channel, rank, bank group, bank in
 * its group, row, and burst-column (column / BL). Also usable as a project {@link AddressMapping}.
 */
public abstract class RequestMapping implements AddressMapping {
    /** Indices into the field array {@link #decode(long, int[])} fills. */
    public static final int CH = 0, RA = 1, BG = 2, BA = 3, RO = 4, CO = 5;

    protected final Organization org;
    /** log2 of the bytes one access moves (64 for a 64-bit BL8 channel): the low address bits ignored. */
    protected final int offsetBits;
    /** Bits of each field, in CH RA BG BA RO CO order (CO counts bursts). */
    protected final int[] bits = new int[6];

    protected RequestMapping(Organization org) {
        this.org = org;
        this.offsetBits = log2("bytes per access", org.bytesPerBurst());
        bits[CH] = log2("channels", org.channels());
        bits[RA] = log2("ranks", org.ranks());
        bits[BG] = log2("bank groups", org.bankGroups());
        bits[BA] = log2("banks per group", org.banksPerGroup());
        bits[RO] = log2("rows", org.rows());
        bits[CO] = log2("columns / BL", org.columns() / org.burstLength());
    }

    static int log2(String what, int n) {
        if (n <= 0 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(what + " = " + n + " is not a power of two");
        }
        return Integer.numberOfTrailingZeros(n);
    }

    /**
     * Decodes {@code byteAddress} into {@code out[CH..CO]}; returns false (out unspecified) when the address
     * is negative or lies beyond the memory's capacity.
     */
    public final boolean decode(long byteAddress, int[] out) {
        return byteAddress >= 0 && decodeAccess(byteAddress >>> offsetBits, out);
    }

    /**
     * Decodes the number of an access (a byte address without its {@link #offsetBits} low bits, non-negative) into
     * {@code out[CH..CO]}; returns false (out unspecified) when it lies beyond the memory's capacity.
     */
    protected abstract boolean decodeAccess(long access, int[] out);

    @Override
    public Organization organization() {
        return org;
    }

    @Override
    public DramAddress decode(long byteAddress) {
        int[] f = new int[6];
        if (!decode(byteAddress, f)) {
            throw new IllegalArgumentException("address 0x" + Long.toHexString(byteAddress) + " beyond capacity "
                    + org.capacityBytes() + " B");
        }
        return new DramAddress(f[CH], f[RA], f[BG], f[BG] * org.banksPerGroup() + f[BA], f[RO], f[CO] * org.burstLength());
    }

    @Override
    public int flatBank(long byteAddress) {
        DramAddress a = decode(byteAddress);
        return (a.channel() * org.ranks() + a.rank()) * org.banks() + a.bank();
    }

    @Override
    public int row(long byteAddress) {
        return decode(byteAddress).row();
    }

    @Override
    public String toString() {
        return name();
    }
}
