package org.undervolt.storage;

/**
 * The organisation of the DRAM a {@link DramImage} is laid out in: how many channels, ranks,
 * banks, subarrays per bank, rows per subarray, and bytes per row.
 *
 * <p>Kept here, apart from the DRAM model's own descriptions, so that storage depends on nothing
 * else; the mapping layer builds one from a DRAM standard.
 */
public record DramGeometry(int channels, int ranks, int banks, int subarraysPerBank, int rowsPerSubarray,
                           int rowBytes) {

    public DramGeometry {
        check("channels", channels);
        check("ranks", ranks);
        check("banks", banks);
        check("subarraysPerBank", subarraysPerBank);
        check("rowsPerSubarray", rowsPerSubarray);
        check("rowBytes", rowBytes);
    }

    private static void check(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("DRAM geometry: " + field + " must be positive, not " + value);
        }
    }

    /**
     * One Micron 4 Gb LPDDR3-1600 x32 device (DRAMPower memspec {@code MICRON_4Gb_LPDDR3-1600_32bit_A}:
     * 8 banks, 16384 rows, 1024 columns of 32 bits, so 4096-byte rows), split into 32 subarrays of
     * 512 rows. The subarray size is an assumption (512 rows per subarray is the typical figure used
     * by Kim et al., "A Case for Exploiting Subarray-Level Parallelism (SALP) in DRAM", ISCA 2012);
     * memspecs do not state it.
     */
    public static DramGeometry lpddr3x32() {
        return new DramGeometry(1, 1, 8, 32, 512, 4096);
    }

    /** Banks over all channels and ranks. */
    public int totalBanks() {
        return channels * ranks * banks;
    }

    /** Rows per bank. */
    public int rowsPerBank() {
        return subarraysPerBank * rowsPerSubarray;
    }

    /** Bytes in one subarray. */
    public long subarrayBytes() {
        return (long) rowsPerSubarray * rowBytes;
    }

    /** Bytes in one bank. */
    public long bankBytes() {
        return subarrayBytes() * subarraysPerBank;
    }

    /** Total capacity in bytes. */
    public long capacityBytes() {
        return bankBytes() * totalBanks();
    }
}
