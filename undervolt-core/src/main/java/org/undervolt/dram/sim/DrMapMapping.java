package org.undervolt.dram.sim;

import org.undervolt.dram.spec.Organization;

/**
 * DRMap-style mapping (Putra, Hanif, Shafique, "DRMap: A Generic DRAM Data Mapping Policy for
 * Energy-Efficient Processing of Convolutional Neural Networks", DAC 2020): consecutive data fill the
 * columns of one row first (row-buffer hits), then the same row of the other bank groups and banks (bank-level
 * parallelism), then ranks and channels, then the same row offset in the next subarray (subarray-level
 * parallelism), and only then the next row of a subarray. Bits from least significant: column, bank group,
 * bank, rank, channel, subarray, row within the subarray. Subarray size from {@link Organization#subarrayRows()}.
 */
public final class DrMapMapping extends RequestMapping {
    private final int subarrayBits;
    private final int rowInSubarrayBits;

    DrMapMapping(Organization org) {
        super(org);
        int sub = Math.min(org.subarrayRows(), org.rows());
        rowInSubarrayBits = log2("rows per subarray", sub);
        subarrayBits = bits[RO] - rowInSubarrayBits;
    }

    @Override
    public String name() {
        return "DRMap";
    }

    @Override
    protected boolean decodeAccess(long access, int[] out) {
        long a = access;
        for (int f : new int[] {CO, BG, BA, RA, CH}) {
            out[f] = (int) (a & ((1L << bits[f]) - 1));
            a >>>= bits[f];
        }
        int subarray = (int) (a & ((1L << subarrayBits) - 1));
        a >>>= subarrayBits;
        if (a >= (1L << rowInSubarrayBits)) {
            return false;
        }
        out[RO] = (subarray << rowInSubarrayBits) | (int) a;
        return true;
    }
}
