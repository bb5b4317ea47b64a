package org.undervolt.dram.device;

/**
 * One device's answer to "how low for a tolerable BER".
 *
 * @param device                 the device
 * @param knob                   vdd or trcd
 * @param chosen                 the chosen setting on the part (V, or ns)
 * @param nominal                the part's nominal setting (V, or ns)
 * @param berAtChosen            the device's BER there
 * @param limitedBy              what stopped it going lower
 * @param energySaving           fraction of the lookup's workload energy saved ({@link SavingModel}), under the chosen law
 * @param energySavingLinear     the same with IDD fixed (E ∝ V)
 * @param energySavingQuadratic  the same with IDD ∝ V (E ∝ V²)
 * @param latencyChange          relative change of the row-conflict read latency (≥ 0 when VDD is lowered)
 */
public record OperatingPoint(Device device, Knob knob, double chosen, double nominal, double berAtChosen,
                             LimitedBy limitedBy, double energySaving, double energySavingLinear,
                             double energySavingQuadratic, double latencyChange) {
}
