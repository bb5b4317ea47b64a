package org.undervolt.dram.spec;

/**
 * Organisation of one memory channel built from identical devices.
 *
 * @param channels     channels
 * @param ranks        ranks per channel
 * @param bankGroups   bank groups per rank (1 where the standard has none)
 * @param banks        banks per rank (all bank groups together)
 * @param rows         rows per bank
 * @param columns      columns per row (device column addresses, each {@code width} bits wide)
 * @param width        device data width in bits (x4, x8, x16, x32)
 * @param devices      devices per rank (side by side on the bus; DRAMPower energies are per device)
 * @param burstLength  burst length in beats (BL)
 * @param dataRate     beats per clock (2 for DDR)
 * @param subarrayRows rows per subarray: not a datasheet value (vendors do not publish it); presets assume 512,
 *                     a common assumption in DRAM architecture studies, and users may override it
 */
public record Organization(int channels, int ranks, int bankGroups, int banks, int rows, int columns,
                           int width, int devices, int burstLength, int dataRate, int subarrayRows) {

    /** Most banks of all channels and ranks together: per-bank state is held for each (65,536 = 64 × 1,024). */
    public static final int MAX_FLAT_BANKS = 1 << 16;

    public Organization {
        requireIn("channels", channels, 64);
        requireIn("ranks", ranks, 64);
        requireIn("bankGroups", bankGroups, 1024);
        requireIn("banks", banks, 1024);
        requireIn("rows", rows, 1 << 24);
        requireIn("columns", columns, 1 << 20);
        requireIn("width", width, 1024);
        requireIn("devices", devices, 1024);
        requireIn("burstLength", burstLength, 256);
        requireIn("dataRate", dataRate, 16);
        requireIn("subarrayRows", subarrayRows, 1 << 24);
        if (banks % bankGroups != 0) {
            throw new IllegalArgumentException("banks (" + banks + ") not a multiple of bankGroups (" + bankGroups + ")");
        }
        if ((long) channels * ranks * banks > MAX_FLAT_BANKS) {
            throw new IllegalArgumentException("channels x ranks x banks is " + (long) channels * ranks * banks
                    + ", expected at most " + MAX_FLAT_BANKS);
        }
    }

    /**
     * A count must be positive and at most {@code max}: bounds far beyond any JEDEC part (a DDR5 die has 32 banks and
     * 128k rows; Wide I/O is 128 bits wide), there so that a mistyped size fails here, not as an overflow later.
     */
    private static void requireIn(String name, int v, int max) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        if (v > max) {
            throw new IllegalArgumentException(name + " is " + v + ", expected at most " + max);
        }
    }

    /** Banks in one bank group. */
    public int banksPerGroup() {
        return banks / bankGroups;
    }

    /** Clock cycles one burst occupies the data bus: BL / dataRate. */
    public int burstCycles() {
        return burstLength / dataRate;
    }

    /** Bytes one rank transfers per column access (one beat): width × devices / 8. */
    public int bytesPerBeat() {
        return width * devices / 8;
    }

    /** Bytes one burst transfers on the rank's bus: BL × width × devices / 8 (32 B for one x32 BL8 LPDDR3 device). */
    public int bytesPerBurst() {
        return burstLength * bytesPerBeat();
    }

    /** Bytes in one row of one rank (all devices): columns × width × devices / 8. */
    public long bytesPerRow() {
        return (long) columns * bytesPerBeat();
    }

    /** Total capacity in bytes of the channel(s) described. */
    public long capacityBytes() {
        return bytesPerRow() * rows * banks * ranks * channels;
    }

    /** Subarrays per bank: rows / rows per subarray (at least 1). */
    public int subarraysPerBank() {
        return Math.max(1, rows / Math.min(rows, subarrayRows));
    }

    /** Rows per subarray (rows / {@link #subarraysPerBank()}). */
    public int rowsPerSubarray() {
        return rows / subarraysPerBank();
    }

    /** Banks over all channels and ranks (the range of a flat bank index, (channel × ranks + rank) × banks + bank). */
    public int flatBanks() {
        return channels * ranks * banks;
    }
}
