package org.undervolt.experiment;

import java.util.HashMap;
import java.util.Map;

import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.device.ReferenceAccess;
import org.undervolt.dram.device.SavingModel;
import org.undervolt.dram.energy.AccessEnergyModel;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * The demo's workload for the operating-point lookup ({@link SavingModel}): the commands of its replayed inference
 * pass ({@link AccessCounts}: ACT, PRE, RD, WR of an open-page replay, no timing) priced with the analytic
 * count × command-energy model ({@link AccessEnergyModel}) on the part with tRCD, tRP, tRAS and tRC lengthened to
 * the VDD→timing table's whole cycles at V (DRAMPower's ACT and PRE energies grow with tRAS and tRC). The replay has
 * no duration, so no background or refresh energy is priced; the latency is the part's row-conflict read latency
 * ({@link ReferenceAccess#latencySeconds}). So the demo's headline, every device's point and the spread are one
 * pricing. Not thread-safe.
 */
final class DemoAccessPricing implements SavingModel {
    /** {@link #pricedOn()}. */
    static final String PRICED_ON = "network inference accesses";
    /** {@link #PRICED_ON} in words, for the report's notes. */
    static final String SCOPE = "this network's inference accesses (the commands of one pass over the test images, "
            + "ACT and PRE energy with the timings lengthened at the voltage; no background)";

    private final DramSpec spec;
    private final VoltageTimingTable timing;
    private final AccessCounts counts;
    /** Lengthened parts by timing set (the table is stepwise: a few sets serve every voltage of a lookup). */
    private final Map<Map<String, Integer>, DramSpec> raised = new HashMap<>();

    /** {@code counts} of one pass on {@code spec} (one device), timings from {@code timing}. */
    DemoAccessPricing(DramSpec spec, VoltageTimingTable timing, AccessCounts counts) {
        this.spec = spec.requireCurrents();
        this.timing = timing;
        this.counts = counts;
    }

    @Override
    public DramSpec spec() {
        return spec;
    }

    @Override
    public VoltageTimingTable timing() {
        return timing;
    }

    @Override
    public double joules(double volts, VoltageScaling law) {
        return new AccessEnergyModel(atVolts(volts), law).joules(counts, volts);
    }

    /** The part with the timings the table gives at {@code volts} (nominal at and above nominal). */
    private DramSpec atVolts(double volts) {
        if (volts >= spec.coreVolts()) {
            return spec;
        }
        return raised.computeIfAbsent(timing.at(spec.timings(), volts, spec.coreVolts()).cycles(), spec::withCycles);
    }

    @Override
    public double latencySeconds(double volts, double trcdNs) {
        return new ReferenceAccess(spec, timing).latencySeconds(volts, trcdNs);
    }

    @Override
    public String pricedOn() {
        return PRICED_ON;
    }
}
