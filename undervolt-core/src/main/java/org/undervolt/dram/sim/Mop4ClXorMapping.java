package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.Organization;

/**
 * Ramulator 2's {@code MOP4CLXOR} mapping ("minimalist open page", 4 cache lines per row chunk, with XOR
 * bank hashing; Kaseridis et al., MICRO 2011): above the access offset come 2 column bits, then channel,
 * rank, bank-group and bank bits, then the rest of the column, then the row. Each of channel, rank, bank
 * group, bank and row is then XORed with successive slices of the column, as Ramulator 2.0a does. A field whose
 * size is not a power of two (49,152 rows) is decoded by division, and only its power-of-two factor's low bits
 * are hashed, so the hash stays one-to-one inside the field's range.
 */
public final class Mop4ClXorMapping extends RequestMapping {

    Mop4ClXorMapping(Organization org) {
        super(org);
        if (bits[CO] < 2) {
            throw new InvalidInputException("address mapping MOP4CLXOR: " + size[CO]
                    + " bursts per row, expected a multiple of 4 (it interleaves 4-burst chunks of a row)");
        }
    }

    @Override
    public String name() {
        return "MOP4CLXOR";
    }

    @Override
    protected boolean decodeAccess(long access, int[] out) {
        long a = access;
        int col = (int) (a & 3);
        a >>>= 2;
        if (pow2) {
            for (int f = CH; f <= BA; f++) {
                out[f] = (int) (a & ((1L << bits[f]) - 1));
                a >>>= bits[f];
            }
            col |= (int) (a & ((1L << (bits[CO] - 2)) - 1)) << 2;
            a >>>= bits[CO] - 2;
        } else {
            for (int f = CH; f <= BA; f++) {
                out[f] = (int) (a % size[f]);
                a /= size[f];
            }
            int upper = size[CO] >>> 2;
            col |= (int) (a % upper) << 2;
            a /= upper;
        }
        if (a >= org.rows()) {
            return false;
        }
        out[RO] = (int) a;
        out[CO] = col;
        int shift = 0;
        for (int f = CH; f <= RO; f++) {
            if (bits[f] > 0) {
                out[f] ^= (col >>> shift) & ((1 << bits[f]) - 1);
                shift += bits[f];
            }
        }
        return true;
    }
}
