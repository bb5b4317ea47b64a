package org.undervolt.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.DramStandard;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.sim.SimTimings;
import org.undervolt.storage.DramGeometry;

/**
 * The memory a mapping plans for: a DRAM part ({@link DramSpec}, whose currents are per device) assembled
 * into a rank of {@code devices} side-by-side devices (eight x8 DDR3/DDR4 devices make the usual 64-bit
 * rank; one x32 LPDDR3 device is SparkXD's embedded memory), with the views the other layers need: the
 * storage geometry, and the timing simulator's spec at a chosen tRCD.
 *
 * @param part    the part, as a preset or memspec gives it (one device)
 * @param spec    the part with the module's organisation (devices per rank)
 */
public record DramModule(DramSpec part, DramSpec spec) {

    /**
     * {@code part} as a module: DDR standards get 64 / width devices per rank (a 64-bit channel), LPDDR and
     * other parts keep their own device count.
     */
    public static DramModule of(DramSpec part) {
        Organization o = part.organization();
        boolean ddr = part.standard() == DramStandard.DDR3 || part.standard() == DramStandard.DDR4;
        int devices = ddr && o.width() < 64 ? 64 / o.width() : o.devices();
        return withDevices(part, devices);
    }

    /** {@code part} with {@code devices} devices per rank. */
    public static DramModule withDevices(DramSpec part, int devices) {
        Organization o = part.organization();
        Organization m = new Organization(o.channels(), o.ranks(), o.bankGroups(), o.banks(), o.rows(), o.columns(),
                o.width(), devices, o.burstLength(), o.dataRate(), o.subarrayRows());
        DramSpec spec = new DramSpec(part.name(), part.standard(), m, part.timings(), part.rails(), part.coreRail(),
                part.rho(), part.source());
        return new DramModule(part, spec);
    }

    public Organization organization() {
        return spec.organization();
    }

    /** Subarrays per bank: rows / rows per subarray (at least 1). */
    public int subarraysPerBank() {
        Organization o = organization();
        return Math.max(1, o.rows() / Math.min(o.rows(), o.subarrayRows()));
    }

    /** Rows per subarray. */
    public int rowsPerSubarray() {
        return organization().rows() / subarraysPerBank();
    }

    /** Banks over all channels and ranks. */
    public int totalBanks() {
        Organization o = organization();
        return o.channels() * o.ranks() * o.banks();
    }

    /** The storage layer's view of the module. */
    public DramGeometry geometry() {
        Organization o = organization();
        return new DramGeometry(o.channels(), o.ranks(), o.banks(), subarraysPerBank(), rowsPerSubarray(),
                Math.toIntExact(o.bytesPerRow()));
    }

    public double nominalVolts() {
        return spec.coreVolts();
    }

    public int nominalTrcd() {
        return spec.timings().rcd();
    }

    /** The module's spec with tRCD set to {@code trcdCycles} (energies do not depend on tRCD). */
    public DramSpec specWithTrcd(int trcdCycles) {
        Map<String, Integer> c = new LinkedHashMap<>(spec.timings().cycles());
        c.put("RCD", trcdCycles);
        return new DramSpec(spec.name(), spec.standard(), spec.organization(),
                new Timings(spec.timings().tckSeconds(), c), spec.rails(), spec.coreRail(), spec.rho(), spec.source());
    }

    /**
     * The timing simulator's view at {@code trcdCycles}. The simulator models the DDR3/DDR4 command protocol;
     * other standards (LPDDR3) are simulated with their own timing values under that protocol, an
     * approximation (LPDDR3 differs in command encoding and refresh details, not in the ACT/RD/PRE timing
     * constraints that decide streaming latency). Parameters a memspec lacks take JEDEC DDR3 defaults:
     * tCCD 4, tRRD = tRRD_L, tWTR 4, tRTP 4, rank switch 2 cycles.
     */
    public SimSpec simSpec(int trcdCycles) {
        Timings t = spec.timings();
        Organization o = organization();
        int tckPs = (int) Math.round(t.tckSeconds() * 1e12);
        int rate = (int) Math.round(2e6 / tckPs);
        int bl = o.burstCycles();
        int cl = t.firstOf("CL", "RL");
        int cwl = t.firstOf("WL", "CWL");
        int ccdS = t.firstOf("CCD_S", "CCD") > 0 ? t.firstOf("CCD_S", "CCD") : 4;
        int ccdL = t.firstOf("CCD_L", "CCD") > 0 ? t.firstOf("CCD_L", "CCD") : ccdS;
        int rrdS = pos(t.firstOf("RRD_S", "RRD"), 4);
        int rrdL = pos(t.firstOf("RRD_L", "RRD"), rrdS);
        int wtrS = pos(t.firstOf("WTR_S", "WTR"), 4);
        int wtrL = pos(t.firstOf("WTR_L", "WTR"), wtrS);
        int faw = pos(t.firstOf("FAW"), 4 * rrdS);
        SimTimings st = new SimTimings(rate, tckPs, bl, cl, trcdCycles, t.rp(), t.ras(), t.rc(), pos(t.firstOf("WR"), 1),
                pos(t.firstOf("RTP"), 4), cwl, ccdS, ccdL, rrdS, rrdL, wtrS, wtrL, faw, t.rfc(), t.refi(), 2);
        String std = spec.standard() == DramStandard.DDR4 ? "DDR4" : "DDR3";
        return new SimSpec(std, spec.name(), spec.name() + " tRCD=" + trcdCycles, o, st);
    }

    private static int pos(int v, int fallback) {
        return v > 0 ? v : fallback;
    }
}
