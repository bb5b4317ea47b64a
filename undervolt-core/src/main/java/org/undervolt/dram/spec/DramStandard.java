package org.undervolt.dram.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * DRAM standards Undervolt knows, with the rail whose voltage is the array ("core") supply.
 *
 * <p>The core rail is the one voltage scaling acts on: VDD for DDR2/DDR3/DDR4/DDR5 (JESD79-2, JESD79-3F,
 * JESD79-4, JESD79-5) and for LPDDR (JESD209, a single supply), VDD2 for LPDDR2/LPDDR3/LPDDR4/LPDDR5
 * (JESD209-2, JESD209-3, JESD209-4, JESD209-5) and Wide I/O SDR (JESD229), where VDD1 feeds the periphery/pumps
 * and VDD2 the core array (see the Micron LPDDR3 datasheet's power-supply table); LPDDR5 splits VDD2 into VDD2H
 * (core) and VDD2L. DDR2, LPDDR, LPDDR2 and WIDEIO_SDR are the further types of DRAMPower 4.1's memspecs
 * ({@code MemoryType}); their energy is counted as DRAMPower 4.1 counts it, and the simulator schedules them
 * under the DDR rules ({@code Protocol.of}).
 */
public enum DramStandard {
    DDR2("VDD", 4, 64),
    DDR3("VDD", 8, 64),
    DDR4("VDD", 8, 64),
    DDR5("VDD", 16, 0),
    LPDDR("VDD", 8, 0),
    LPDDR2("VDD2", 8, 0),
    LPDDR3("VDD2", 8, 0),
    LPDDR4("VDD2", 16, 0),
    LPDDR5("VDD2H", 16, 0),
    WIDEIO_SDR("VDD2", 4, 0),
    /** Parts of a type without a dedicated model: treated like DDR (VDD is core). */
    OTHER("VDD", 8, 0);

    private final String coreRail;
    private final int defaultBurstLength;
    private final int rankWidthBits;

    DramStandard(String coreRail, int defaultBurstLength, int rankWidthBits) {
        this.coreRail = coreRail;
        this.defaultBurstLength = defaultBurstLength;
        this.rankWidthBits = rankWidthBits;
    }

    /**
     * Data width in bits of a rank assembled from this standard's devices, or 0 where a part keeps its own
     * device count: 64 for DDR2/DDR3/DDR4 (JESD79-2 / JESD79-3F / JESD79-4 DIMMs: a 64-bit data bus, eight x8
     * or sixteen x4 devices side by side); LPDDR and Wide I/O parts are their own channel (one x32 LPDDR3 device
     * is SparkXD's memory), and DDR5's two 32-bit subchannels per DIMM are not modelled as one rank.
     */
    public int rankWidthBits() {
        return rankWidthBits;
    }

    /** Name of the rail whose voltage is scaled when the array is undervolted. */
    public String coreRail() {
        return coreRail;
    }

    public int defaultBurstLength() {
        return defaultBurstLength;
    }

    /**
     * {@link #parse}, refusing a name that is none of the modelled standards: {@code where} names the field in the
     * message (e.g. a memspec file and its {@code memoryType}).
     */
    public static DramStandard parseModelled(String name, String where) {
        DramStandard s = parse(name);
        if (s == OTHER) {
            List<String> known = Arrays.stream(values()).filter(v -> v != OTHER).map(Enum::name)
                    .toList();
            throw new InvalidInputException(where + " is '" + name + "', expected one of " + known
                    + " (DDR3L reads as DDR3)");
        }
        return s;
    }

    /** Parses a standard name case-insensitively; "DDR3L" maps to {@link #DDR3}. Unknown names map to {@link #OTHER}. */
    public static DramStandard parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (n.equals("DDR3L")) {
            return DDR3;
        }
        for (DramStandard s : values()) {
            if (s.name().replace("_", "").equals(n)) {
                return s;
            }
        }
        return OTHER;
    }
}
