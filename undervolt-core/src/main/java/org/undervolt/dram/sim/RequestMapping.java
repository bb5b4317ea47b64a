package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.DramAddress;
import org.undervolt.dram.spec.Organization;

/**
 * An address mapping the simulator decodes requests with: byte address → channel, rank, bank group, bank in
 * its group, row, and burst-column (column / BL). Also usable as a project {@link AddressMapping}.
 * <p>
 * Fields are digits of a mixed-radix number: a field of size n takes the value {@code a mod n} of what is left of
 * the address and leaves {@code a / n} above it. For a power-of-two size that is the usual bit slice (mask and
 * shift, the fast path); other sizes are real, e.g. the 49,152 rows (3 × 2^14) of a 6 Gb-per-channel LPDDR4 die
 * (preset LPDDR4-3200_6Gb_x16, from DRAMPower's memspec MICRON_6Gb_LPDDR4-3200_32bit_A), and are decoded by
 * division, so every address below the capacity names exactly one location and the capacity is the product of
 * the sizes.
 */
public abstract class RequestMapping implements AddressMapping {
    /** Indices into the field array {@link #decode(long, int[])} fills. */
    public static final int CH = 0, RA = 1, BG = 2, BA = 3, RO = 4, CO = 5;

    protected final Organization org;
    /** log2 of the bytes one access moves (64 for a 64-bit BL8 channel): the low address bits ignored. */
    protected final int offsetBits;
    /**
     * Bits of each field, in CH RA BG BA RO CO order (CO counts bursts): log2 of its size when that is a power of
     * two; otherwise the field's trailing zero bits (the power-of-two factor XOR hashing may touch, see
     * {@link #pow2}).
     */
    protected final int[] bits = new int[6];
    /** Size of each field (values 0 .. size-1), in CH RA BG BA RO CO order. */
    protected final int[] size = new int[6];
    /** True where every field's size is a power of two (decoding is masks and shifts only). */
    protected final boolean pow2;

    protected RequestMapping(Organization org) {
        this.org = org;
        this.offsetBits = log2("bytes per access", org.bytesPerBurst());
        if (org.columns() % org.burstLength() != 0) {
            throw new InvalidInputException("address mapping: " + org.columns() + " columns per row is not a multiple of "
                    + "the burst length " + org.burstLength() + ", expected whole bursts per row");
        }
        size[CH] = org.channels();
        size[RA] = org.ranks();
        size[BG] = org.bankGroups();
        size[BA] = org.banksPerGroup();
        size[RO] = org.rows();
        size[CO] = org.columns() / org.burstLength();
        boolean all = true;
        for (int f = CH; f <= CO; f++) {
            bits[f] = Integer.numberOfTrailingZeros(size[f]);
            all &= Integer.bitCount(size[f]) == 1;
        }
        pow2 = all;
    }

    static int log2(String what, int n) {
        if (n <= 0 || Integer.bitCount(n) != 1) {
            throw new InvalidInputException(what + " = " + n + ", expected a power of two");
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
