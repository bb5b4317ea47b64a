package org.undervolt.dram.device;

import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * What the operating-point lookup ({@link OperatingPoints}) prices a voltage on: a workload's DRAM energy with the
 * core rail at V and the timings the VDD→timing table requires there, and its latency. One run prices every saving
 * it reports — the headline, each device's point and the spread — on one implementation, named by {@link #pricedOn}:
 * {@link ReferenceAccess} where no network's traffic is known ({@code operating-point}); a network's own inference
 * ({@code mapping.InferenceTracePricing}, the pipelines and {@code map}; the demo's replayed accesses).
 */
public interface SavingModel {

    /** The part (one device; its nominal core voltage and timings). */
    DramSpec spec();

    /** The VDD→timing table the lengthened timings come from. */
    VoltageTimingTable timing();

    /** Energy of the workload in joules with the core rail at {@code volts}, scaled by {@code law}. */
    double joules(double volts, VoltageScaling law);

    /** The workload's latency in seconds at {@code volts} with tRCD {@code trcdNs} (NaN: the VDD-raised nominal). */
    double latencySeconds(double volts, double trcdNs);

    /** What the savings are priced on, for outputs ({@code priced_on}): e.g. "reference access". */
    String pricedOn();

    /** tRCD, tRP, tRAS factors at {@code volts}; 1 at and above nominal. */
    default double[] factors(double volts) {
        return timing().factors(Math.min(1.0, volts / spec().coreVolts()));
    }

    /** The lowest voltage the timing table covers on this part. */
    default double lowestVolts() {
        return timing().lowestRelativeVdd() * spec().coreVolts();
    }

    /** Nominal tRCD of the part in nanoseconds. */
    default double nominalTrcdNs() {
        return spec().timings().rcd() * spec().timings().tckSeconds() * 1e9;
    }
}
