package org.undervolt.dram.energy;

import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Rail;

/**
 * Which supply rails an undervolted operating point lowers. The operating point is always named by the core
 * rail's voltage ({@link DramSpec#coreRail()}: VDD of DDR3/DDR4, VDD2 of LPDDR3/LPDDR4); this says what
 * happens to the others.
 *
 * <ul>
 *   <li>{@link #CORE_ONLY} (the default): only the core rail moves; VDD1 of LPDDR3 (1.8 V, pumps and
 *       periphery), VPP of DDR4 and any other rail stay at nominal.</li>
 *   <li>{@link #ALL_RAILS}: every rail moves to the same fraction of its nominal voltage as the core rail, so
 *       LPDDR3 at VDD2 = 0.911 V (0.759 of 1.2 V) also has VDD1 at 1.367 V. An upper bound on the saving.</li>
 * </ul>
 *
 * <p><b>Why core-only is the default, and what the sources say.</b> The error data behind the BER(VDD) tables
 * (Voltron, Chang et al., SIGMETRICS 2017, arXiv:1705.10292; data in CMU-SAFARI/DRAM-Voltage-Study) come from DDR3L
 * parts, which have a single core supply VDD (JESD79-3-1; the I/O supply VDDQ aside): there, lowering "the DRAM
 * supply voltage" is unambiguous. SparkXD (Putra et al., DAC 2021, arXiv:2103.00421) and EDEN (Koppula et al.,
 * MICRO 2019, arXiv:1910.05340) speak of reducing "the DRAM supply voltage"; the parts of their texts available
 * here (abstracts; docs/PAPERS.md §1.4, §3.4) do not say which LPDDR3 rail, so the
 * choice is Undervolt's: VDD2 feeds the array and most of the core current (MICRON_4Gb_LPDDR3-1600_32bit_A
 * memspec: IDD0 80 mA on VDD2 vs 15 mA on VDD1), and it is the rail whose relative voltage the DDR3L
 * characterisation maps onto. It matters: in that memspec VDD1 draws 1053 of the 2943 pJ of an ACT (36 %), so at
 * VDD2/Vnom = 1.025/1.35 with {@link VoltageScaling#QUADRATIC} an ACT costs 0.728 of nominal with
 * {@link #CORE_ONLY} but 0.576 with {@link #ALL_RAILS}. Single-rail parts (DDR3, DDR3L) give the same result
 * either way.
 */
public enum RailScaling {
    /** Only the core rail is lowered; the others stay at nominal. */
    CORE_ONLY,
    /** Every rail is lowered to the core rail's fraction of nominal. */
    ALL_RAILS;

    /**
     * Energy multiplier for {@code rail} of {@code spec} when the core rail runs at {@code coreVolts}, under
     * the energy law {@code law}.
     */
    public double factor(DramSpec spec, Rail rail, double coreVolts, VoltageScaling law) {
        if (rail.name().equals(spec.coreRail())) {
            return law.factor(coreVolts, rail.volts());
        }
        if (this == CORE_ONLY) {
            return 1.0;
        }
        return law.factor(rail.volts() * (coreVolts / spec.coreVolts()), rail.volts());
    }

    /** Parses "core" / "core-only" or "all" / "all-rails" (case-insensitive). */
    public static RailScaling parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "core", "core-only":
                return CORE_ONLY;
            case "all", "all-rails":
                return ALL_RAILS;
            default:
                throw new InvalidInputException("unknown rail scaling '" + name + "', expected core or all");
        }
    }

    @Override
    public String toString() {
        return this == CORE_ONLY ? "core" : "all";
    }
}
