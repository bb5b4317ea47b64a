package org.undervolt.usecase;

import java.nio.file.Path;
import java.util.Objects;

import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.RailScaling;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.LoadedSpec;

/**
 * The energy of a DRAMPower command trace on a part (what {@code undervolt dram energy} asks for).
 *
 * @param part        the part, as loaded (a preset or a memspec file; its format picks the counting rules)
 * @param trace       the command trace: DRAMPower 5 CSV or DRAMPower 4 {@code .trc}
 * @param counting    whose counting rules to follow; null: those of the part's memspec format
 *                    ({@link EnergyCounting#forFormat})
 * @param vdd         the core rail's voltage; null: nominal. Must be a positive voltage
 * @param law         how core-rail energy scales with the voltage
 * @param rails       the rails lowered with {@code vdd}
 * @param timingCheck whether tRCD, tRAS, tRP, tRC and tRFC are checked between the commands
 */
public record TraceEnergyRequest(LoadedSpec part, Path trace, EnergyCounting counting, Double vdd, VoltageScaling law,
        RailScaling rails, boolean timingCheck) {
    public TraceEnergyRequest {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(rails, "rails");
        double v = vdd == null ? part.spec().coreVolts() : vdd;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new BadSetting("vdd", v, "a positive voltage");
        }
    }

    /** The counting rules followed. */
    public EnergyCounting countingUsed() {
        return counting == null ? EnergyCounting.forFormat(part.format()) : counting;
    }

    /** The core rail's voltage priced. */
    public double volts() {
        return vdd == null ? part.spec().coreVolts() : vdd;
    }
}
