package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * DRMap-style mapping (Putra, Hanif, Shafique, "DRMap: A Generic DRAM Data Mapping Policy for
 * Energy-Efficient Processing of Convolutional Neural Networks", DAC 2020): consecutive data fill the
 * columns of one row first (row-buffer hits), then the same row of the other bank groups and banks (bank-level
 * parallelism), then ranks and channels, then the same row offset in the next subarray (subarray-level
 * parallelism), and only then the next row of a subarray. Bits from least significant: column, bank group,
 * bank, rank, channel, subarray, row within the subarray. Subarray size from {@link Organization#subarrayRows()}.
 * Sizes that are not powers of two (96 subarrays of 512 rows in 49,152) are decoded by division, as
 * {@code mapping.DrMapAddress} encodes them.
 */
public final class DrMapMapping extends RequestMapping {
    /** The fields below the subarray, least significant first. */
    private static final int[] ORDER = {CO, BG, BA, RA, CH};
    private final int subarrays;
    private final int rowsPerSubarray;
    private final int subarrayBits;
    private final int rowInSubarrayBits;

    DrMapMapping(Organization org) {
        super(org);
        rowsPerSubarray = org.rowsPerSubarray();
        subarrays = org.subarraysPerBank();
        if ((long) subarrays * rowsPerSubarray != org.rows()) {
            throw new InvalidInputException("address mapping DRMap: " + org.rows() + " rows are not a whole number of "
                    + rowsPerSubarray + "-row subarrays, expected rows a multiple of the rows per subarray");
        }
        boolean fast = pow2 && Integer.bitCount(rowsPerSubarray) == 1;
        rowInSubarrayBits = fast ? Integer.numberOfTrailingZeros(rowsPerSubarray) : -1;
        subarrayBits = fast ? bits[RO] - rowInSubarrayBits : -1;
    }

    @Override
    public String name() {
        return "DRMap";
    }

    @Override
    protected boolean decodeAccess(long access, int[] out) {
        long a = access;
        if (subarrayBits < 0) {
            for (int f : ORDER) {
                out[f] = (int) (a % size[f]);
                a /= size[f];
            }
            int subarray = (int) (a % subarrays);
            a /= subarrays;
            if (a >= rowsPerSubarray) {
                return false;
            }
            out[RO] = subarray * rowsPerSubarray + (int) a;
            return true;
        }
        for (int f : ORDER) {
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
