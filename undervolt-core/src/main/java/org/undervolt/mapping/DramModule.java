package org.undervolt.mapping;

import java.util.Map;

import org.undervolt.dram.sim.Protocol;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.storage.DramGeometry;

/**
 * The memory a mapping plans for: a DRAM part ({@link DramSpec}, whose currents are per device) assembled
 * into a rank as its standard does ({@link DramSpec#asRank()}: eight x8 DDR3/DDR4 devices make the usual 64-bit
 * rank; one x32 LPDDR3 device is SparkXD's embedded memory), with the views the other layers need: the
 * storage geometry, and the timing simulator's reading of the same part at a chosen tRCD. Every value comes
 * from the part; one the simulator needs and the part lacks is an error naming it ({@link
 * org.undervolt.dram.sim.SimTimings#of}).
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
        return new DramModule(part, part.asRank());
    }

    /** {@code part} with {@code devices} devices per rank. */
    public static DramModule withDevices(DramSpec part, int devices) {
        return new DramModule(part, part.withDevices(devices));
    }

    public Organization organization() {
        return spec.organization();
    }

    /** Subarrays per bank: rows / rows per subarray (at least 1). */
    public int subarraysPerBank() {
        return organization().subarraysPerBank();
    }

    /** Rows per subarray. */
    public int rowsPerSubarray() {
        return organization().rowsPerSubarray();
    }

    /** Banks over all channels and ranks. */
    public int totalBanks() {
        return organization().flatBanks();
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
        return spec.withCycles(Map.of("RCD", trcdCycles));
    }

    /**
     * The timing simulator's view at {@code trcdCycles}: the module's part under its own standard's command protocol
     * ({@link SimSpec#of(DramSpec)}: {@link Protocol#LPDDR3} for LPDDR3 parts,
     * {@link Protocol#LPDDR4} for LPDDR4 parts, with tRPab and tDQSCK), the same
     * reading of the part {@code dram simulate} runs, so a mapping's simulated latency and energy obey the rules of
     * the part's standard.
     */
    public SimSpec simSpec(int trcdCycles) {
        return SimSpec.of(specWithTrcd(trcdCycles));
    }
}
